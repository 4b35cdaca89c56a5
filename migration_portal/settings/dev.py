"""Development: works with no environment variable at all."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# A key for this machine only; production refuses to start without its own.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="django-insecure-development-only")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
# A developer's own superuser signs in with a password alone unless asked otherwise.
TWO_FACTOR_REQUIRED_FOR_PUBLISHERS = env.bool("DJANGO_2FA_FOR_PUBLISHERS", default=False)
# Django's debug pages are built of inline script and style: in debug mode the policy only
# reports (in the browser's console) what it would block. Tests and production enforce it.
if DEBUG:
    CONTENT_SECURITY_POLICY_REPORT_ONLY, CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY, None  # noqa: F405
