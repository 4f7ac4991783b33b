"""Settings shared by every environment; machine-specific values come from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE

from cms.settings.environment import (
    cache_config,
    database_options,
    env_bool,
    env_list,
    search_backends_config,
    storage_origins,
    storages_config,
    tasks_config,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "cms",
    "accounts",
    "metadata",
    "repository",
    "lti",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
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
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside sessions, CSRF and authentication: a hit costs no database query at all.
    "cms.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "cms.middleware.AdminContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees view exceptions first: an outage answers 503, not a stack trace.
    "cms.unavailable.ServiceUnavailableMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_menu",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DATABASES["default"]["OPTIONS"] = {
    **database_options(DATABASES["default"]["ENGINE"]),
    **DATABASES["default"].get("OPTIONS", {}),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so a locked account or client is refused before any password is checked.
    "accounts.throttling.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Failed log-ins per account and per client address before a temporary lockout (seconds).
NLKA_LOGIN_THROTTLE = {
    "account_failures": 5,
    "client_failures": 50,
    "window_seconds": 15 * 60,
    "lockout_seconds": 15 * 60,
}
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# Accounts (django-allauth): e-mail is the log-in name and must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[NLKA] "
# Failed log-ins are throttled by accounts.throttling for the site and the admin alike.
ACCOUNT_RATE_LIMITS = {"login_failed": None}
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS = {}
if os.environ.get("OIDC_SERVER_URL"):
    # A federation (SURFconext, Entree) reached through OpenID Connect.
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": os.environ.get("OIDC_PROVIDER_ID", "federation"),
                "name": os.environ.get("OIDC_PROVIDER_NAME", "SURFconext"),
                "client_id": os.environ.get("OIDC_CLIENT_ID", ""),
                "secret": os.environ.get("OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": os.environ["OIDC_SERVER_URL"]},
            }
        ]
    }

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "NLKA <noreply@nlka.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# OAI-PMH Identify must name an administrator's address with a real domain.
NLKA_OAI_ADMIN_EMAIL = os.environ.get("OAI_ADMIN_EMAIL", "")

# Language: Dutch first, English available.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MATERIALS_ROOT = Path(os.environ.get("MATERIALS_ROOT", VAR_DIR / "materials"))
STORAGES = storages_config(os.environ, materials_root=MATERIALS_ROOT)
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = cache_config(os.environ)
# Anonymous public pages are cached only where every process shares the cache (Redis):
# process-local caches could not be invalidated across workers.
PAGE_CACHE_SECONDS = int(
    os.environ.get("PAGE_CACHE_SECONDS", "300" if os.environ.get("REDIS_URL") else "0")
)
TASKS = tasks_config(os.environ)
WAGTAILSEARCH_BACKENDS = search_backends_config(os.environ)

# Wagtail
WAGTAIL_SITE_NAME = "NLKA"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Never hand out direct storage URLs for documents: privacy checks must run.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# No third-party requests: avatars are not fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"

# Security headers that hold everywhere; production.py adds the TLS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# "Remember me" keeps a session for a week; without it the session ends with the browser.
SESSION_COOKIE_AGE = 60 * 60 * 24 * 7
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # A template that needs an inline script marks it nonce="{{ request.csp_nonce }}";
        # the nonce is fresh per response and only sent when a template used it.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *storage_origins(os.environ)],
        "media-src": ["'self'", "blob:", *storage_origins(os.environ)],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        # Video embeds in content pages come only from these privacy-friendly players.
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

# Browser features no page of the site uses are switched off; fullscreen is kept for our
# own video and for the video players that content pages may embed (see frame-src).
NLKA_PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
# Dynamic Registration talks only to https platforms unless this is on (local development).
LTI_ALLOW_HTTP_PLATFORMS = env_bool("LTI_ALLOW_HTTP_PLATFORMS", default=False)
NLKA_MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_MB", "500")) * 1024 * 1024
# ClamAV's daemon, e.g. tcp://127.0.0.1:3310 or unix:///run/clamav/clamd.ctl; empty: no scanning.
CLAMD_ADDRESS = os.environ.get("CLAMD_ADDRESS", "")
CLAMD_TIMEOUT_SECONDS = float(os.environ.get("CLAMD_TIMEOUT_SECONDS", "30"))
# Per teacher: bytes kept in their own materials, and files uploaded per hour (repository/quota.py).
UPLOAD_QUOTA_BYTES = int(os.environ.get("UPLOAD_QUOTA_BYTES", str(5 * 1024**3)))
UPLOAD_RATE_PER_HOUR = int(os.environ.get("UPLOAD_RATE_PER_HOUR", "200"))
# Deleted materials and collections wait this long in their owner's bin before `purge_deleted`.
DELETED_RETENTION_DAYS = int(os.environ.get("DELETED_RETENTION_DAYS", "30"))
# Uploads larger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_HANDLERS = [
    "repository.upload_handlers.LargeChunkMemoryFileUploadHandler",
    "repository.upload_handlers.HashingTemporaryFileUploadHandler",
]


def _upload_temp_dir() -> str | None:
    """Keep temporary uploads beside the stored files, so storing one is a rename, not a copy."""
    path = Path(os.environ.get("FILE_UPLOAD_TEMP_DIR", VAR_DIR / "uploads"))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        # A read-only VAR_DIR (object storage only): the system's folder, and a copy on storing.
        return None
    return str(path)


FILE_UPLOAD_TEMP_DIR = _upload_temp_dir()
