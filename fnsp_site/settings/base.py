"""Settings shared by every environment. Configuration comes from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.rich_text import EDITORS
from fnsp_site.storage import media_origin, s3_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# `.localhost` admits every demo site (<slug>.localhost); production lists real hostnames.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "treatments",
    "trials",
    "research",
    "careers",
    "search",
    "sharing",
    "quality",
    "demo",
    "csp",
    # Before wagtail.admin: its login template extends Wagtail's with the single sign-on button.
    "identity",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
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
    "django_filters",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Only for its catalogues: Wagtail's admin shows relative times with its `naturaltime`.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # The load balancer's probes, answered before anything else runs (core/health.py).
    "core.health.HealthMiddleware",
    # Outermost but for the probes: it sees every response with its cookies, redirects and
    # the API's headers included (docs/caching.md).
    "core.caching.CacheHeadersMiddleware",
    # Each request's id, in its logs and its response (core/logging.py).
    "core.logging.RequestIdMiddleware",
    "fnsp_site.middleware.PublicGZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.PermissionsPolicyMiddleware",
    "core.security.PathCSPMiddleware",
    "fnsp_site.middleware.OpenDataMiddleware",
    "fnsp_site.middleware.NulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "identity.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "fnsp_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "fnsp_site.wsgi.application"

# SQLite is the zero-set-up default; DATABASE_URL (postgres://...) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_cache_url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if _cache_url:
    # A Redis that is down, slow or wrong is no cache, not an error: every cache read misses
    # and writes are dropped, each within REDIS_TIMEOUT seconds, and the fault is logged once
    # a minute (docs/caching.md#redis).
    _redis_timeout = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": _cache_url,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": _redis_timeout,
                "SOCKET_TIMEOUT": _redis_timeout,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "fnsp_site.redis"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff identity (docs/security.md). Single sign-on over OpenID Connect is on when
# OIDC_RP_CLIENT_ID is set; the endpoints are those of the provider's discovery document.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
if OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("identity.backends.SSOBackend")
    _missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
        )
        if not os.environ.get(name)
    ]
    if _missing:
        raise ImproperlyConfigured(f"OIDC_RP_CLIENT_ID is set; also set {', '.join(_missing)}.")
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ["OIDC_OP_JWKS_ENDPOINT"]
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
# The claim listing the user's groups (Entra ID: `groups`, or `roles` for app roles).
FNSP_SSO_GROUPS_CLAIM = os.environ.get("FNSP_SSO_GROUPS_CLAIM", "groups")
FNSP_SSO_PROVIDER_NAME = os.environ.get("FNSP_SSO_PROVIDER_NAME", "Helse-ID/Entra")
# Superusers and national editors who log in with a password must pass a TOTP code or a
# recovery code; only the test settings turn this off (tests/identity turns it back on).
FNSP_REQUIRE_SECOND_FACTOR = True
OTP_TOTP_ISSUER = "FNSP"

# Internationalisation: Norwegian Bokmål is the source language; nynorsk, English and
# Northern Sami are translations. Django has no locale data for Northern Sami, so add it.
LANG_INFO.setdefault(
    "se",
    {"bidi": False, "code": "se", "name": "Northern Sami", "name_local": "davvisámegiella"},
)
LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
    ("se", _("Northern Sami")),
]
# Project overrides of Wagtail's and wagtail-localize's catalogues (fnsp_site/locale), read
# before the apps' own; see docs/sites.md#the-admins-language.
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# The admin in the languages the project's own texts are translated into. Wagtail ships no
# nynorsk: Django falls back to LANGUAGE_CODE (Bokmål) for what neither catalogue has.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("nb", "Norwegian Bokmål"),
    ("nn", "Norwegian Nynorsk"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = []
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": s3_storage(os.environ) or {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Documents go through Wagtail's view, which checks a collection's restrictions, also when
# they are on an object store (never a redirect to the file's address there).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Upload limits: editors are many, so uploads are bounded and typed.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

WAGTAIL_SITE_NAME = "FNSP"
# Who publishes the open data in the DCAT catalogue (docs/open-data.md): a legal entity with its
# organisation number in Enhetsregisteret, and where reusers write.
OPEN_DATA_PUBLISHER = (
    os.environ.get("OPEN_DATA_PUBLISHER_NAME", "Helse Sør-Øst RHF"),
    os.environ.get("OPEN_DATA_PUBLISHER_ORGNR", "991324968"),
)
OPEN_DATA_CONTACT_EMAIL = os.environ.get("OPEN_DATA_CONTACT_EMAIL", "opendata@fnsp.eksempel.no")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# An approved workflow publishes without the approver holding the publish permission: the
# national board approves treatments it cannot publish directly (docs/permissions.md).
WAGTAIL_FINISH_WORKFLOW_ACTION = "core.workflows.publish_approved"
# Which formatting each kind of text allows, by name (fields say `editor="intro"` etc.).
WAGTAILADMIN_RICH_TEXT_EDITORS = EDITORS
# Wagtail's login form with its password field labelled in the editor's language.
WAGTAILADMIN_USER_LOGIN_FORM = "identity.forms.LoginForm"
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, ranking faster on SQLite (search/backend.py).
        "BACKEND": "search.backend",
        # Used by the PostgreSQL backend only; SQLite ignores it.
        "SEARCH_CONFIG": "norwegian",
    }
}

# The Varnish servers to purge (docs/caching.md): Wagtail's frontend-cache setting, with a
# backend that purges by surrogate key as well as by URL.
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {"BACKEND": "core.caching.XkeyBackend", "LOCATION": url}
    for number, url in enumerate(env_list("FNSP_VARNISH_URLS"))
}
# Work after a change that need not hold up the editor's request (search indexing, Wagtail's
# reference index) is a task stored in the database in the change's own transaction and run by
# `manage.py db_worker` (docs/caching.md#work-after-publishing). Development runs it at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The NVA API research groups import their projects and results from (docs/research.md).
NVA_API_URL = os.environ.get("NVA_API_URL", "https://api.nva.unit.no")
NVA_TIMEOUT = float(os.environ.get("NVA_TIMEOUT", "10"))
# How long Varnish keeps an anonymous page; purges by surrogate key end it sooner (docs/caching.md).
FNSP_CACHE_SECONDS = int(os.environ.get("FNSP_CACHE_SECONDS", "3600"))

# Demo hostnames are <slug>.localhost on this port; production sets the real ones.
FNSP_DEMO_PORT = int(os.environ.get("FNSP_DEMO_PORT", "8000"))
# `load_demo` makes one account per role with a fixed, published password (README.md).
FNSP_DEMO_ACCOUNTS = env_bool("FNSP_DEMO_ACCOUNTS", True)

# Days the search statistics ("Search terms" report) are kept; `delete_old_search_stats`
# deletes older ones (docs/search.md#privacy).
WAGTAILSEARCH_HITS_MAX_AGE = int(os.environ.get("FNSP_SEARCH_STATS_DAYS", "90"))

# Addresses of the proxies in front of the app (Varnish): behind them the visitor's address
# is read from X-Forwarded-For (core/http.py client_address).
FNSP_TRUSTED_PROXIES = env_list("FNSP_TRUSTED_PROXIES", "127.0.0.1,::1")
# Answers to "Fant du det du lette etter?" stored per visitor (address) and page a day
# (docs/site-content.md#feedback).
FNSP_FEEDBACK_VOTES_PER_DAY = int(os.environ.get("FNSP_FEEDBACK_VOTES_PER_DAY", "3"))

# Security headers (docs/security.md#content-security-policy): enforced on public pages,
# report-only in the admin (core/security.py). No 'unsafe-inline' and no nonces: Varnish
# caches pages with their headers; the theme colour's <style> is allowed by its hash.
_csp_directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": [
        "'self'",
        "data:",
        *([media_origin(os.environ)] if s3_storage(os.environ) else []),
        *env_list("FNSP_CSP_IMG_SRC"),
    ],
    "frame-src": env_list(
        "FNSP_CSP_FRAME_SRC",
        "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
    ),
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # As X-Frame-Options: DENY; the admin frames its own previews.
    "frame-ancestors": ["'none'"],
    "report-uri": os.environ.get("FNSP_CSP_REPORT_URI") or None,
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _csp_directives}
CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "DIRECTIVES": {**_csp_directives, "frame-ancestors": ["'self'"]}
}
FNSP_PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
}

# Share tokens are redacted from every message (fnsp_site/log_redaction.py); runserver's
# request log goes through the same handler. Each record of a request names its id, site and
# staff user, never the visitor's address or query (core/logging.py). FNSP_LOG_FORMAT=json
# writes one JSON object a line, for a log collector (the production default).
FNSP_LOG_FORMAT = os.environ.get("FNSP_LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "share_tokens": {"()": "fnsp_site.log_redaction.RedactShareTokens"},
        "request_context": {"()": "core.logging.RequestContext"},
        "once_per_minute": {"()": "core.logging.OncePerMinute"},
    },
    "formatters": {
        "text": {"format": "%(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_context", "share_tokens"],
            "formatter": FNSP_LOG_FORMAT,
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # A Redis that is down fails every request's cache reads: one report a minute.
        "fnsp_site.redis": {"level": "WARNING", "filters": ["once_per_minute"]},
    },
}

# Request counts and durations for Prometheus at /metrics when FNSP_METRICS is set
# (core/metrics.py); Varnish does not pass /metrics: the scraper asks each app server.
if env_bool("FNSP_METRICS"):
    MIDDLEWARE.insert(1, "core.metrics.MetricsMiddleware")

# Errors to Sentry when SENTRY_DSN is set (fnsp_site/observability.py), without the
# visitor's address, cookies or query.
if os.environ.get("SENTRY_DSN"):
    from fnsp_site.observability import init_sentry

    init_sentry(os.environ["SENTRY_DSN"])

# Translation (wagtail-localize). A new translation starts as a draft, whatever the source's
# state: nothing, machine-translated or not, is published without an editor pressing Publish.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation as a first draft, offered in the translation editor only when a backend
# is configured: DeepL (DEEPL_API_KEY) or LibreTranslate (LIBRETRANSLATE_URL, optional
# LIBRETRANSLATE_API_KEY). Without either the option is absent.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"].rstrip("/"),
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# Hardening against guessing and stolen sessions (docs/security.md).
# Lockout after failed passwords on every password form (django-axes).
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["core.sessions.StaffSessionLimitMiddleware", "axes.middleware.AxesMiddleware"]
# First: it refuses a locked-out client before any backend checks a password.
AUTHENTICATION_BACKENDS.insert(0, "axes.backends.AxesStandaloneBackend")
AXES_FAILURE_LIMIT = int(os.environ.get("FNSP_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("FNSP_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = "core.throttling.lockout_parameters"
AXES_CLIENT_IP_CALLABLE = "core.http.client_address"
AXES_LOCKOUT_CALLABLE = "core.throttling.lockout_response"
# A try during the lockout does not restart it: the wait the page states holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Masked in the form data axes records with a failure ("password" always is, and axes'
# defaults): the account settings' password change (identity.views.AccountView).
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "password-old_password",
    "password-new_password1",
    "password-new_password2",
]
# Staff sessions end after FNSP_SESSION_IDLE_MINUTES without a request (an active session is
# renewed once a minute, core/sessions.py) and FNSP_SESSION_MAX_HOURS after the login.
SESSION_COOKIE_AGE = 60 * int(os.environ.get("FNSP_SESSION_IDLE_MINUTES", "30"))
FNSP_SESSION_MAX_AGE = datetime.timedelta(hours=int(os.environ.get("FNSP_SESSION_MAX_HOURS", "10")))
# Requests per anonymous client address (core.throttling.rate_limited): "N/m" is N a minute.
FNSP_RATE_LIMITS = {
    "search": os.environ.get("FNSP_RATE_LIMIT_SEARCH", "30/m"),
    "autocomplete": os.environ.get("FNSP_RATE_LIMIT_AUTOCOMPLETE", "120/m"),
    "feedback": os.environ.get("FNSP_RATE_LIMIT_FEEDBACK", "10/m"),
    "share": os.environ.get("FNSP_RATE_LIMIT_SHARE", "30/m"),
}
RATELIMIT_IP_META_KEY = "core.http.client_address"
