"""Production settings with the benchmark's trivial view added to the site's addresses."""

from migration_portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchsite.urls"
