"""Settings shared by every environment, read from environment variables with safe defaults."""

from pathlib import Path

import environ
import xstatic.pkg.jquery_ui
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_prose_editor",
    "reversion",
]

MIDDLEWARE = [
    "news.pagecache.middleware.CompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before sessions: a page kept for anonymous visitors is served without touching them.
    "news.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The site's queries are short index look-ups, which PostgreSQL's JIT compiler only slows
    # down (tens of milliseconds spent compiling what runs in one).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

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
STATICFILES_DIRS = [BASE_DIR / "static", ("jquery-ui", xstatic.pkg.jquery_ui.BASE_DIR)]
# The admin's language tabs need jQuery UI; modeltranslation would fetch it from a CDN, so it
# is served from the XStatic package instead.
JQUERY_UI_URL = "jquery-ui/jquery-ui.min.js"
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "admin:login"

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
