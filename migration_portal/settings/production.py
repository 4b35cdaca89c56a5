"""Production: refuses to start without a secret key, a database and a shared cache; HTTPS only."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, STORAGES, env

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: production never runs on a built-in key.")
if "DATABASE_URL" not in env.ENVIRON:
    raise ImproperlyConfigured(
        "Set DATABASE_URL (postgres://user:password@host:5432/name): production never "
        "falls back to the SQLite file."
    )
# Several app servers must share one cache, or the "someone else is editing" warning only
# sees the editors who happened to reach the same server.
if (
    "CACHE_URL" not in env.ENVIRON
    or CACHES["default"]["BACKEND"] != "django_redis.cache.RedisCache"
):
    raise ImproperlyConfigured(
        "Set CACHE_URL to the Redis server every app server shares (redis://host:6379/0): "
        "an in-process, dummy or file cache is not shared between app servers."
    )
# Persistent connections: each worker keeps its connection, checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")

# Each app server serves the static files itself, compressed and cached for ever by name,
# right after the security headers are set.
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    "default": STORAGES["default"],
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS ends at the load balancer, which tells us the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# A year, with subdomains, as the browsers' preload list requires.
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
