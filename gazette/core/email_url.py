"""`GAZETTE_EMAIL_URL`: where every e-mail Gazette sends leaves, in one line.

One variable rather than six (`EMAIL_HOST`, `EMAIL_PORT`...) because a provider gives these
values together, and one address is easy to keep in a secret store. Its forms:

- `smtp://utilisateur:mdp@smtp.exemple.fr:587?tls=1`: SMTP, STARTTLS with `tls=1`;
- `smtps://utilisateur:mdp@smtp.exemple.fr:465`: SMTP over TLS from the first byte;
- `console://` (the default): messages written to the log, nothing leaves the machine.

A user name or password holding `@`, `:` or `/` is percent-encoded (`%40`). A malformed
address stops start-up with ImproperlyConfigured naming what is wrong: a typo found by the
first newsletter, hours later, would lose its confirmation e-mails.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_PORTS = {"smtp": 25, "smtps": 465}
OPTIONS = {"tls", "timeout"}
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def email_settings(url: str) -> dict:
    """Django's EMAIL_* settings for the address, or ImproperlyConfigured."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise _invalid(url, f"adresse illisible ({error})") from None
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": CONSOLE_BACKEND}
    if parts.scheme not in DEFAULT_PORTS:
        raise _invalid(url, "schéma attendu : smtp://, smtps:// ou console://")
    if not parts.hostname:
        raise _invalid(url, "nom du serveur SMTP manquant")
    query = parse_qs(parts.query, keep_blank_values=True)
    if unknown := set(query) - OPTIONS:
        raise _invalid(url, f"option inconnue : {', '.join(sorted(unknown))} (tls, timeout)")
    tls = _flag(url, query.get("tls", ["0"])[-1])
    if tls and parts.scheme == "smtps":
        raise _invalid(url, "smtps:// chiffre déjà la connexion : tls=1 est pour smtp://")
    timeout = query.get("timeout", ["30"])[-1]
    if not timeout.isdigit() or int(timeout) == 0:
        raise _invalid(url, "timeout : un nombre de secondes est attendu")
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or DEFAULT_PORTS[parts.scheme],
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": tls,
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        # Never Django's default of no timeout: a silent server would hold a sending task forever.
        "EMAIL_TIMEOUT": int(timeout),
    }


def _flag(url: str, value: str) -> bool:
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise _invalid(url, f"tls={value!r} : 1 ou 0 attendu")


def _invalid(url: str, reason: str) -> ImproperlyConfigured:
    """The password is never repeated in the message: start-up errors end up in logs."""
    try:
        shown = urlsplit(url)
        if shown.password:
            url = url.replace(f":{shown.password}@", ":***@", 1)
    except ValueError:
        url = "(illisible)"
    return ImproperlyConfigured(f"GAZETTE_EMAIL_URL={url!r} : {reason}.")
