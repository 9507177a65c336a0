# Varnish in front of Gazette (Varnish 7.x). Stores what the app marks public
# (Cache-Control: public, s-maxage), passes editors and the admin, and takes purges from the app:
#   PURGE <path>  drops the path with every query string (?page=2), whatever the host;
#   BAN /         drops every stored page (not static files), for a change every page shows.
# The app sends them when GAZETTE_FRONTEND_CACHE_URLS names this Varnish (README, « Mise en
# production »). Set the backend to the app server(s) and the purge ACL to their addresses.
vcl 4.1;

import std;
import directors;

backend gazette1 {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/sante/pret";  # database, cache, task queue and migrations (README « Exploitation »)
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}
# More app servers: one backend each, added to the director below.

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new servers = directors.round_robin();
    servers.add_backend(gazette1);
}

sub vcl_recv {
    set req.backend_hint = servers.backend();

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purge refused"));
        }
        if (req.method == "PURGE") {
            ban("obj.http.x-gazette-path == " + regsub(req.url, "\?.*$", ""));
        } else {
            ban("obj.http.x-gazette-path ~ .");
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin (change the path here with GAZETTE_ADMIN_PATH), editors (session cookie) and
    # health checks never get or make a shared copy.
    if (req.url ~ "^/(admin|sante)/" || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # One copy per host name: the app picks the site by name, not by the Host's port, so a
    # port or a case a client chose must not make (and fill the memory with) new copies.
    set req.http.Host = std.tolower(regsub(req.http.Host, ":[0-9]*$", ""));
    # Public pages read no cookie; dropping them lets every reader share one copy.
    unset req.http.Cookie;
    unset req.http.Authorization;
    # Tracking parameters are not part of the page (the app ignores them the same way).
    set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z_]+|fbclid|gclid|xtor)=[^&]*&?", "");
    set req.url = regsub(req.url, "[?&]$", "");
    # Within a minute of expiry, or for a day if the app is down (stale-if-error).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The path the app purges, without its query string.
    set beresp.http.x-gazette-path = regsub(bereq.url, "\?.*$", "");
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-gazette-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
