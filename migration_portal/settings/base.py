"""Settings shared by every environment, read from environment variables with safe defaults."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# Set by the CI runner: checks that a bare developer machine may skip must run there.
CI = env.bool("CI", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation first: it adds each language's columns, which the apps below rely on.
    "modeltranslation",
    # Before the admin, so that news registers releases with django-reversion the way it
    # wants before the admin's VersionAdmin would register them on its own.
    "news",
    # The newsroom's own admin site (two-factor sign-in), set as Django's default site.
    "migration_portal.admin.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_prose_editor",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "corsheaders",
    "reversion",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Answers the load balancer before anything checks the host or redirects to HTTPS.
    "migration_portal.health.HealthCheckMiddleware",
    # Refuses control characters in the address before any view passes them to the database.
    "migration_portal.guards.RefuseControlCharactersMiddleware",
    "news.pagecache.middleware.CompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "migration_portal.headers.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Outside the page cache, so that a kept answer of the API gets the header too.
    "corsheaders.middleware.CorsMiddleware",
    # After the guards and the security headers, so kept pages get them too; before sessions,
    # so a page kept for anonymous visitors is served without touching them.
    "news.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "migration_portal.urls"
WSGI_APPLICATION = "migration_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "news.context_processors.navigation",
                "news.context_processors.agency",
            ],
        },
    },
]

# Without DATABASE_URL the site runs on an SQLite file in the checkout; production sets
# postgres://user:password@host:5432/name.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
# A reused connection that the server dropped is noticed before a request fails on it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    options = DATABASES["default"].setdefault("OPTIONS", {})
    # An unreachable server fails a request (and the health check) quickly, not after minutes.
    options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=3))
    # The site's queries are short index look-ups, which PostgreSQL's JIT compiler only slows
    # down (tens of milliseconds spent compiling what runs in one).
    options.setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    # Redis down must not take the site down: every cache error is answered as a miss, with
    # a short wait and a line in the log (see LOGGING), instead of a 500.
    cache_timeout = env.float("CACHE_TIMEOUT_SECONDS", default=0.5)
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": cache_timeout,
            "SOCKET_TIMEOUT": cache_timeout,
        }
    )
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "migration_portal.cache"

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out user name or address is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Azerbaijani is the agency's own and the default; every public URL carries its prefix.
LANGUAGE_CODE = "az"
LANGUAGES = [
    ("az", _("Azerbaijani")),
    ("en", _("English")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["migration_portal.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Baku")

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
# No silent fallback: a missing translation stays missing, so the public gate and the
# templates decide explicitly what a visitor sees instead.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "migration_portal.staticfiles.JQueryUIFinder",
]
# The admin's language tabs need jQuery UI; modeltranslation would fetch it from a CDN, so it
# is served from the XStatic package instead (only the file the tabs load: see staticfiles).
JQUERY_UI_URL = "jquery-ui/jquery-ui.min.js"
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# Uploaded files go to S3-compatible object storage when a bucket is named, so that every app
# server sees the same files; otherwise to MEDIA_ROOT.
S3_BUCKET = env.str("S3_BUCKET", default="")
if S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
            "custom_domain": env.str("S3_CUSTOM_DOMAIN", default="") or None,
            "location": env.str("S3_PREFIX", default=""),
            # Media are public: plain, cacheable addresses rather than signed, expiring ones.
            "querystring_auth": env.bool("S3_SIGNED_URLS", default=False),
            # A second upload of the same name never replaces the first.
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "admin:login"

# Only staff have sessions. Each request moves the end on, so a session lasts while it is
# used and ends after a working day without activity.
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_IDLE_SECONDS", default=8 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True

# Sign-in throttling: a user name, or an address, is locked out on its own after this many
# failures in a row, for this long.
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("DJANGO_LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "migration_portal.admin.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "migration_portal.admin.addresses.client_address"
# How many proxies (load balancers) in front of the app server append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)

# Two-factor sign-in (TOTP) is open to every staff member; publishers must use it.
TWO_FACTOR_REQUIRED_FOR_PUBLISHERS = env.bool("DJANGO_2FA_FOR_PUBLISHERS", default=True)
OTP_TOTP_ISSUER = "migration.gov.az"

# No inline script anywhere: the admin's few inline blocks carry the request's nonce, and
# public pages (which a shared cache will keep) carry none.
# The body editor (Tiptap, inside django-prose-editor) adds one fixed <style> element with
# ProseMirror's base rules; this is its hash. The browser tests fail if an upgrade changes it.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, EDITOR_STYLE_HASH],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# The body editor's photograph node (news/images/editor.py): a figure naming a library image.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("news/admin/photograph.js")],
        "extensions": {"Photograph": html_tags(["figure"], {"figure": ["data-image"]})},
    }
]

# Public pages may be kept by browsers and shared caches this long; a scheduled release
# therefore shows up at most this many seconds after its time.
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=60)
# How long the site keeps a rendered public page for anonymous visitors (0: never). Anything
# that changes what visitors see makes every kept page obsolete at once, so this only bounds
# how long a page may outlive a lost invalidation.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Whether what pages derive from the content (list counts, the navigation) is kept under the
# content's state too, so that a page rendered afresh need not recompute it.
KEEP_DERIVED_CONTENT = env.bool("KEEP_DERIVED_CONTENT", default=True)

# The agency's mark in the header (a path under static/): a real emblem file replaces ours by
# naming it here, or by overriding templates/includes/agency_mark.html.
AGENCY_MARK = env.str("AGENCY_MARK", default="img/agency-mark.svg")
# The press office's contacts, in every page's footer and under every release. The address is
# written once per language; set the real ones for each deployment.
PRESS_OFFICE_PHONE = env.str("PRESS_OFFICE_PHONE", default="919")
PRESS_OFFICE_EMAIL = env.str("PRESS_OFFICE_EMAIL", default="info@migration.gov.az")
PRESS_OFFICE_ADDRESS = {
    "az": env.str("PRESS_OFFICE_ADDRESS_AZ", default="Bakı şəhəri, Azərbaycan Respublikası"),
    "en": env.str("PRESS_OFFICE_ADDRESS_EN", default="Baku, Republic of Azerbaijan"),
    "ru": env.str("PRESS_OFFICE_ADDRESS_RU", default="г. Баку, Азербайджанская Республика"),
}

# The open data API: read-only JSON, anonymous, open to every origin.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "State Migration Service: press releases",
    "DESCRIPTION": (
        "The public press releases of the State Migration Service of the Republic of "
        "Azerbaijan, in Azerbaijani, English and Russian. Read-only; no key needed."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "cache_once_per_burst": {
            "()": "migration_portal.bursts.OncePerBurstFilter",
            "message": "The shared cache cannot be reached; reads answer as misses until it is up",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # One line when the cache goes away, then one per quiet minute, not one per request.
        "migration_portal.cache": {"filters": ["cache_once_per_burst"]},
    },
}
