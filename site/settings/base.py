"""Settings shared by every environment. Secure by default: DEBUG is off and
secrets come only from the environment. dev.py loosens, production.py hardens."""

import os
from pathlib import Path

import dj_database_url
import django.conf.locale

SITE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SITE_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
# Production settings set this; commands that must never run there check it.
IS_PRODUCTION = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "moderation",
    "language_guide",
    "home",
    "documents",
    "events",
    "localisation",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.SiteCSPMiddleware",
    "home.middleware.PrivatePageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.middleware.OutageMiddleware",
]

ROOT_URLCONF = "urls"
WSGI_APPLICATION = "wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, else a SQLite file in the project folder. Persistent
# connections are health-checked, so a PostgreSQL restart costs one reconnect,
# not an error page.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless CACHE_URL names Redis (redis://host:port/db).
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "peer-networks",
        }
    }
# The page cache for anonymous readers (home/page_cache.py) must be shared by all
# workers, so that a publish anywhere clears it: Redis when configured, else files.
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages"}
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(BASE_DIR / "page_cache")),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))  # 0 turns it off
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))  # for browsers

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the source; every other locale is a translation.
# Django ships no LANG_INFO for Haitian Creole, so we add it.
django.conf.locale.LANG_INFO.setdefault(
    "ht",
    {"bidi": False, "code": "ht", "name": "Haitian Creole", "name_local": "Kreyòl ayisyen"},
)
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("pt", "Português"),
    ("ht", "Kreyòl ayisyen"),
    ("zh-hans", "简体中文"),
    ("vi", "Tiếng Việt"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SITE_DIR / "locale"]
# Date, time and number formats for locales Django has none for (ht): site/formats/<lang>/formats.py.
FORMAT_MODULE_PATH = ["formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/New_York"

# Static files: our own assets only, compressed and with hashed names.
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    # Django's, except that a write that fails part-way (a full disk) leaves no truncated file.
    "default": {"BACKEND": "home.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Public forms: at most this many submissions a minute from one address (home/submissions.py).
FORM_SUBMISSIONS_PER_MINUTE = int(os.environ.get("FORM_SUBMISSIONS_PER_MINUTE", "20"))

# Email: console in development; SMTP from the environment in production.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10

# Security headers that hold everywhere.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "home.views.csrf_failure"

# Content-Security-Policy: our own assets only. Wagtail's admin needs inline
# styles and scripts it ships itself; the public site needs neither.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Massachusetts Peer Support Networks"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "csv", "xlsx", "pptx", "rtf"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Counts an upload's pixels from its header before decoding it (decompression bombs), and
# turns a truncated image into a form error instead of a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.ImageForm"
# Shared-password privacy stores passwords in plain text: login-based only.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_DOCUMENT_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Approval publishes exactly the approved revision (reviewers have no publish permission).
WAGTAIL_FINISH_WORKFLOW_ACTION = "moderation.workflows.publish_approved_revision"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No Gravatar: the admin loads nothing from other sites either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# wagtail-localize: new translations are drafts until a reviewer approves them.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation only when a DeepL key is configured; otherwise absent.
if os.environ.get("DEEPL_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_KEY"]},
    }

LOGIN_URL = "wagtailadmin_login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
