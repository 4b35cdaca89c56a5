"""WSGI entry point; production servers run it with DJANGO_SETTINGS_MODULE set explicitly."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migration_portal.settings.production")

application = get_wsgi_application()
