"""The one settings module of Gazette.

Every value an operator may change comes from an environment variable read through `env()`,
which records its name: `gazette/core/tests/test_settings_documented.py` fails when one is
missing from the README's configuration table. Unset variables give the embedded mode (SQLite
in `var/`, in-process cache); each variable set switches one part of the scaled shape on.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from gazette.core.dkim_signing import check_dkim_settings
from gazette.core.email_url import SMTP_BACKEND, email_settings
from gazette.core.network import parse_trusted_proxies
from gazette.core.private_files import (
    narrow,
    private_folder,
    private_opener,
    private_sqlite_database,
)

BASE_DIR = Path(__file__).resolve().parent.parent
ENV_NAMES: set[str] = set()


def env(name: str, default: str) -> str:
    ENV_NAMES.add(name)
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = env(name, "1" if default else "0").strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} : valeur attendue 1/0, true/false, yes/no.")


def env_int(name: str, default: int) -> int:
    value = env(name, str(default))
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} : un nombre entier est attendu.") from None


# The site's account only: the SQLite database, the secret key and the backups live here.
VAR_DIR = private_folder(Path(env("GAZETTE_VAR_DIR", str(BASE_DIR / "var"))))
(VAR_DIR / "static").mkdir(exist_ok=True)


def _secret_key() -> str:
    """The embedded mode must start with no set-up, yet never share a key between sites:
    generate one on first start and keep it in var/ (git-ignored)."""
    key = env("GAZETTE_SECRET_KEY", "")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    try:
        with open(path, "x", opener=private_opener) as file:
            file.write(secrets.token_urlsafe(50))
    except FileExistsError:
        narrow(path)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("GAZETTE_DEBUG", False)
ALLOWED_HOSTS = [h.strip() for h in env("GAZETTE_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in env("GAZETTE_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "gazette.core",
    "gazette.news",
    "gazette.comments",
    "gazette.audience",
    "gazette.findability",
    "gazette.live",
    "gazette.letters",
    "gazette.demo",
    "gazette.wordpress",
    "gazette.operations",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "gazette.operations.requestlog.RequestLogMiddleware",
    # What each public response showed, as keys for the caches (gazette/core/invalidation.py).
    "gazette.core.surrogate_keys.SurrogateKeyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "gazette.operations.csp.SurfaceCSPMiddleware",
    "gazette.core.replica.ReplicaMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gazette.core.canonical.RepeatedParameterMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # ETag and 304 for what the page cache does not serve (a miss, GAZETTE_PAGE_CACHE=0).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "gazette.operations.twofactor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "gazette.wordpress.middleware.WordPressQueryRedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gazette.urls"
WSGI_APPLICATION = "gazette.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'gazette.sqlite3'}"),
        conn_max_age=env_int("GAZETTE_DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
# A read replica (PostgreSQL streaming replication) for anonymous readers' queries only:
# gazette/core/replica.py.
REPLICA_URL = env("DATABASE_REPLICA_URL", "")
if REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        REPLICA_URL,
        conn_max_age=env_int("GAZETTE_DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["gazette.core.replica.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    private_sqlite_database(DATABASES["default"]["NAME"])
    # WAL lets readers go on while the task worker or an editor writes; IMMEDIATE avoids the
    # "database is locked" upgrade deadlock of deferred transactions.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "gazette.core.redis_cache.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "gazette",
            # Django's default, 300 entries, held the kept parts of about 60 articles: past
            # that, every uncached article was rendered cold. About 5 entries and 17 KB an
            # article (measured on the bench's newsroom): 5,000 entries, some 17 MB a process.
            "OPTIONS": {"MAX_ENTRIES": env_int("GAZETTE_LOCAL_CACHE_ENTRIES", 5000)},
        }
    )
}

# Sessions: in Redis with the database behind when scaled out (a restart of Redis logs nobody
# out), in the database otherwise.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["gazette.core.formats"]
# Ours, then Wagtail's and Django's words as a newsroom says them (« circuit de relecture », no
# « Ce(tte) »): both come before the apps' own catalogues.
LOCALE_PATHS = [BASE_DIR / "gazette" / "locale", BASE_DIR / "gazette" / "locale_wagtail"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("GAZETTE_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Media on S3-compatible storage (django-storages) when several app servers share them: AWS,
# Scaleway, OVHcloud, MinIO... Images get their own domain (a CDN) or the bucket's address.
S3_BUCKET = env("GAZETTE_S3_BUCKET", "")
S3_MEDIA_DOMAIN = env("GAZETTE_S3_MEDIA_DOMAIN", "")
S3_OPTIONS = {
    "endpoint_url": env("GAZETTE_S3_ENDPOINT_URL", "") or None,
    "region_name": env("GAZETTE_S3_REGION", "") or None,
    "access_key": env("GAZETTE_S3_ACCESS_KEY", ""),
    "secret_key": env("GAZETTE_S3_SECRET_KEY", ""),
}
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_OPTIONS,
            "bucket_name": S3_BUCKET,
            "custom_domain": S3_MEDIA_DOMAIN or None,
            "querystring_auth": False,  # public images, cacheable URLs
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    if S3_MEDIA_DOMAIN:
        MEDIA_URL = f"https://{S3_MEDIA_DOMAIN}/"

WAGTAIL_SITE_NAME = env("GAZETTE_SITE_NAME", "Gazette")
WAGTAILADMIN_BASE_URL = env("GAZETTE_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.CreditedImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "gazette.core.image_forms.CreditedImageForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp", "avif": "avif"}
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# The value format of the browser's date and time field (core/templates/wagtailadmin/widgets).
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAILADMIN_USER_LOGIN_FORM = "gazette.core.login.LoginForm"
WAGTAIL_I18N_ENABLED = False
# Slugs in ASCII, « à Genève » → « a-geneve » (gazette/core/slugs.py); a changed slug leaves a
# 301 from the old address (wagtail.contrib.redirects, automatic unless turned off).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# French stemming and accent folding on both databases: PostgreSQL through the
# `french_unaccent` configuration that gazette.findability's migration creates, SQLite through
# that app's backend, which stems what Wagtail's FTS5 backend indexes and searches.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "gazette.findability.search_backend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # initials instead: gazette/operations/avatars.py
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "csv", "txt"]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("GAZETTE_SESSION_AGE", 60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("GAZETTE_SESSION_BROWSER_CLOSE", True)
GAZETTE_ADMIN_PATH = env("GAZETTE_ADMIN_PATH", "admin/").strip("/") + "/"

# Login throttling (django-axes, gazette/operations/lockouts.py): GAZETTE_LOGIN_ATTEMPTS
# failures lock the pair (account, client address), not the account for everyone;
# GAZETTE_LOGIN_ADDRESS_ATTEMPTS lock the address, whichever accounts it tries; both for
# GAZETTE_LOGIN_COOLOFF_MINUTES. Axes' backend comes first so it refuses before any check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "gazette.operations.lockouts.LockoutHandler"
AXES_FAILURE_LIMIT = env_int("GAZETTE_LOGIN_ATTEMPTS", 5)
GAZETTE_LOGIN_ADDRESS_ATTEMPTS = env_int("GAZETTE_LOGIN_ADDRESS_ATTEMPTS", 20)
AXES_COOLOFF_TIME = env_int("GAZETTE_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]  # the handler's order
AXES_CLIENT_IP_CALLABLE = "gazette.core.network.client_ip"
AXES_LOCKOUT_CALLABLE = "gazette.operations.lockouts.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
GAZETTE_ADMIN_2FA = env_bool("GAZETTE_ADMIN_2FA", False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
X_FRAME_OPTIONS = "SAMEORIGIN"

# Production behind HTTPS: the proxy in front terminates TLS and says so in X-Forwarded-Proto.
# `manage.py check --deploy` is clean with GAZETTE_HTTPS=1 (tested). HSTS preload is a promise
# to browser vendors that only the operator can make: W021 is silenced, the README says how.
# W019 too: X-Frame-Options stays SAMEORIGIN because Wagtail's preview panel frames the page.
HTTPS = env_bool("GAZETTE_HTTPS", False)
HSTS_SECONDS = env_int("GAZETTE_HSTS_SECONDS", 60 * 60 * 24 * 365)
HSTS_SUBDOMAINS = env_bool("GAZETTE_HSTS_SUBDOMAINS", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^sante/"]  # load balancers' health checks speak plain HTTP
    SECURE_HSTS_SECONDS = HSTS_SECONDS
    SECURE_HSTS_INCLUDE_SUBDOMAINS = HSTS_SUBDOMAINS
SILENCED_SYSTEM_CHECKS = ["security.W019", "security.W021"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Where e-mail leaves (gazette/core/email_url.py): workflow, moderation alerts, newsletters.
# GAZETTE_EMAIL_BACKEND, the older way to name a Django backend, still works when no URL is given.
EMAIL_URL = env("GAZETTE_EMAIL_URL", "")
_LEGACY_EMAIL_BACKEND = env("GAZETTE_EMAIL_BACKEND", "")
_EMAIL = (
    email_settings(EMAIL_URL or "console://")
    if EMAIL_URL or not _LEGACY_EMAIL_BACKEND
    else {"EMAIL_BACKEND": _LEGACY_EMAIL_BACKEND}
)
EMAIL_BACKEND = _EMAIL["EMAIL_BACKEND"]
# Django's own defaults where the URL names nothing (console://, a legacy backend).
EMAIL_HOST = _EMAIL.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _EMAIL.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _EMAIL.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _EMAIL.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _EMAIL.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _EMAIL.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = _EMAIL.get("EMAIL_TIMEOUT")
# Optional DKIM signature by Gazette itself, for an SMTP server that does not sign.
GAZETTE_DKIM_DOMAIN = env("GAZETTE_DKIM_DOMAIN", "")
GAZETTE_DKIM_SELECTOR = env("GAZETTE_DKIM_SELECTOR", "")
GAZETTE_DKIM_KEY_FILE = env("GAZETTE_DKIM_KEY_FILE", "")
if check_dkim_settings(GAZETTE_DKIM_DOMAIN, GAZETTE_DKIM_SELECTOR, GAZETTE_DKIM_KEY_FILE):
    if EMAIL_BACKEND != SMTP_BACKEND:
        raise ImproperlyConfigured("GAZETTE_DKIM_DOMAIN : la signature DKIM demande un envoi SMTP.")
    EMAIL_BACKEND = "gazette.core.dkim_signing.DKIMEmailBackend"
DEFAULT_FROM_EMAIL = env("GAZETTE_FROM_EMAIL", "redaction@gazette.invalid")

GAZETTE_LOG_FORMAT = env("GAZETTE_LOG_FORMAT", "text")
if GAZETTE_LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"GAZETTE_LOG_FORMAT={GAZETTE_LOG_FORMAT!r} : text ou json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "gazette.operations.requestlog.RequestIdFilter"}},
    "formatters": {
        "text": {
            "class": "gazette.operations.requestlog.TextFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
        "json": {"()": "gazette.operations.jsonlog.JSONFormatter"},
    },
    "handlers": {
        # stderr, tracebacks included: what systemd, Docker and granian collect.
        "console": {
            "class": "logging.StreamHandler",
            "formatter": GAZETTE_LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("GAZETTE_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per background task run drowns the useful lines; failures still show.
        "django_tasks": {"level": "WARNING"},
        # Our request line replaces Django's, which logs only 4xx and 5xx, without duration.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # lockouts still show; every login attempt does not
    },
}

GAZETTE_SENTRY_DSN = env("GAZETTE_SENTRY_DSN", "")
GAZETTE_SENTRY_ENVIRONMENT = env("GAZETTE_SENTRY_ENVIRONMENT", "production")
if GAZETTE_SENTRY_DSN:
    from gazette.operations.sentry import init_sentry

    init_sentry(GAZETTE_SENTRY_DSN, environment=GAZETTE_SENTRY_ENVIRONMENT)

GAZETTE_BROWSER_MAX_AGE = env_int("GAZETTE_BROWSER_MAX_AGE", 60)
GAZETTE_SHARED_MAX_AGE = env_int("GAZETTE_SHARED_MAX_AGE", 600)
GAZETTE_PAGE_SIZE = env_int("GAZETTE_PAGE_SIZE", 20)
# How often an open live page asks for new entries; shorter for browser tests and benchmarks.
GAZETTE_LIVE_POLL_SECONDS = env_int("GAZETTE_LIVE_POLL_SECONDS", 15)

# Content-Security-Policy (django-csp) of the public pages: what their real content needs and
# nothing more. Scripts, styles, fonts and requests from the site itself; images from the site
# or from the media's own host (a CDN, or any HTTPS host when the bucket's address is left to
# the storage); no frame, no plugin. The admin gets its own policy, under whatever path it
# has: gazette/operations/csp.py.
MEDIA_SOURCES = (
    [f"https://{S3_MEDIA_DOMAIN}"] if S3_MEDIA_DOMAIN else ["https:"] if S3_BUCKET else []
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, *MEDIA_SOURCES],
        "frame-src": [NONE],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Full-page cache in the app (gazette/core/page_cache.py) and purges of the proxy in front:
# one or more Varnish (comma-separated URLs of their HTTP ports, which accept PURGE and BAN
# from this app; deploy/varnish/gazette.vcl).
GAZETTE_PAGE_CACHE = env_bool("GAZETTE_PAGE_CACHE", True)
# Rendered parts of pages kept between renders (gazette/core/fragments.py); 0 to measure or
# debug a cold render.
GAZETTE_FRAGMENT_CACHE = env_bool("GAZETTE_FRAGMENT_CACHE", True)
# Each process's share of memory for ready answers, in front of Redis or in place of it.
GAZETTE_PAGE_MEMORY_MB = env_int("GAZETTE_PAGE_MEMORY_MB", 64)
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {"BACKEND": "gazette.core.frontend_cache.VarnishBackend", "LOCATION": url}
    for number, url in enumerate(
        url.strip() for url in env("GAZETTE_FRONTEND_CACHE_URLS", "").split(",") if url.strip()
    )
}
# Whether responses keep their `Surrogate-Key` header (what they showed, gazette/core/
# invalidation.py) for a proxy or CDN in front that purges by key (Varnish with xkey, Fastly);
# on by default when a Varnish is configured. Readers never see it otherwise.
GAZETTE_SURROGATE_KEYS = env_bool("GAZETTE_SURROGATE_KEYS", bool(WAGTAILFRONTENDCACHE))
# Or a CDN: Cloudflare through Wagtail's backend (purges by URL; README « Mise en production »).
CLOUDFLARE_ZONE_ID = env("GAZETTE_CLOUDFLARE_ZONE_ID", "")
CLOUDFLARE_API_TOKEN = env("GAZETTE_CLOUDFLARE_API_TOKEN", "")
if CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": CLOUDFLARE_ZONE_ID,
        "BEARER_TOKEN": CLOUDFLARE_API_TOKEN,
    }

# Comments
GAZETTE_COMMENT_IP_DAYS = env_int("GAZETTE_COMMENT_IP_DAYS", 30)
GAZETTE_COMMENT_RATE_LIMIT = env_int("GAZETTE_COMMENT_RATE_LIMIT", 5)

# One line per request on standard output, written in blocks each second
# (gazette/core/access_log.py): make serve turns it on, make stack leaves it to nginx.
GAZETTE_ACCESS_LOG = env_bool("GAZETTE_ACCESS_LOG", False)

# The proxies whose X-Forwarded-For tells the client's address (gazette/core/network.py):
# comments, audience, login throttling and logs all read it there.
GAZETTE_TRUSTED_PROXIES = env("GAZETTE_TRUSTED_PROXIES", "")
parse_trusted_proxies(GAZETTE_TRUSTED_PROXIES)

# Audience (« Les + Lus »)
GAZETTE_AUDIENCE_BATCH_SECONDS = env_int("GAZETTE_AUDIENCE_BATCH_SECONDS", 2)
GAZETTE_MOST_READ_SECONDS = env_int("GAZETTE_MOST_READ_SECONDS", 300)

# Newsletters (gazette/letters, docs/letters.md)
GAZETTE_LETTERS_RATE = env_int("GAZETTE_LETTERS_RATE", 5)
if GAZETTE_LETTERS_RATE < 1:
    raise ImproperlyConfigured(
        f"GAZETTE_LETTERS_RATE={GAZETTE_LETTERS_RATE} : au moins 1 message/s."
    )
GAZETTE_LETTERS_RATE_LIMIT = env_int("GAZETTE_LETTERS_RATE_LIMIT", 5)
GAZETTE_LETTERS_LINK_DAYS = env_int("GAZETTE_LETTERS_LINK_DAYS", 7)
GAZETTE_LETTERS_SUSPEND_AFTER = env_int("GAZETTE_LETTERS_SUSPEND_AFTER", 3)
