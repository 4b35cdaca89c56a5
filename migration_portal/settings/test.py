"""Tests: fast hashing, files in a throw-away folder, the database from DATABASE_URL if given."""

import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "tests-only"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=tempfile.mkdtemp(prefix="migration-portal-media-"))
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests run inside transactions that never commit, so invalidations would never fire: pages
# and derived values are not kept, except by the tests of the page cache, which turn it on
# and commit.
PAGE_CACHE_SECONDS = 0
KEEP_DERIVED_CONTENT = False
# Tests that need two-factor sign-in for publishers turn it on themselves.
TWO_FACTOR_REQUIRED_FOR_PUBLISHERS = False
