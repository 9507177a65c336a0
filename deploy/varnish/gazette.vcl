# Varnish in front of Gazette (Varnish 7.x with the xkey vmod: Debian's `varnish-modules`).
# Stores what the app marks public (Cache-Control: public, s-maxage), passes editors and the
# admin, stitches the ESI fragments the app asks for, and takes purges from the app:
#   PURGE / with `xkey-purge: k1 k2 …`  drops every object whose Surrogate-Key names one of the
#                                        keys (article:12, section:3, settings…), whatever its URL;
#   PURGE <path>  (no xkey-purge)        drops the path with every query string (?page=2);
#   BAN /                                drops every stored page (not static files).
# The app sends them when GAZETTE_FRONTEND_CACHE_URLS names this Varnish (docs/caching-keys.md,
# docs/operations.md). Set the backend to the app server(s) and the purge ACL to their addresses.
vcl 4.1;

import std;
import directors;
import xkey;

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

# Who may purge, and see whether an answer came from the cache (X-Cache): the app servers and
# the operator on this machine.
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
        if (req.method == "PURGE" && req.http.xkey-purge) {
            # Keys, not URLs: a change names what it changed, and every page or fragment that
            # showed it goes, wherever it lives. Hard purge, not softpurge: grace would serve
            # the old text once more, and the point of a key is that no reader sees it.
            return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge)));
        }
        # The fallback, for purges by URL (Wagtail's own signals, older app versions).
        if (req.method == "PURGE") {
            ban("obj.http.x-gazette-path == " + regsub(req.url, "\?.*$", ""));
        } else {
            ban("obj.http.x-gazette-path ~ .");
        }
        return (synth(200, "Purged"));
    }
    # Tells the app it may answer with <esi:include> (Edge Architecture Specification): only
    # this Varnish says so, never a client, who would then receive the raw tags.
    unset req.http.Surrogate-Capability;
    set req.http.Surrogate-Capability = "gazette=ESI/1.0";

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin (change the path here with GAZETTE_ADMIN_PATH), editors (session cookie) and
    # health checks never get or make a shared copy. ESI sub-requests come through here too,
    # with the reader's own headers: an editor's fragments pass like the editor's page.
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
    # ESI first: a page stored or not (an editor's) may include fragments. Each fragment is
    # then an ordinary request through vcl_recv, stored under its own URL and its own keys, so
    # a comment purges the comments fragment while the article around it stays stored.
    if (beresp.http.Surrogate-Control ~ "ESI/1.0") {
        set beresp.do_esi = true;
    }
    unset beresp.http.Surrogate-Control;
    # xkey indexes the object by the keys in its `xkey` header (space-separated).
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        unset beresp.http.Surrogate-Key;
    }

    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The path the fallback PURGE drops, without its query string.
    set beresp.http.x-gazette-path = regsub(bereq.url, "\?.*$", "");
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    # What only this cache needs: readers (and a CDN in front) never see the keys.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Surrogate-Control;
    unset resp.http.x-gazette-path;
    # Hit or miss, for the purgers only (tests, bench/pages.py, an operator's curl).
    if (client.ip !~ purgers) {
        unset resp.http.X-Varnish;
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    # Purges answer in plain text (« Purged 3 »: objects dropped by key), not the HTML page.
    if (req.method == "PURGE" || req.method == "BAN") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
