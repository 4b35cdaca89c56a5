from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Press centre")

    def ready(self):
        from . import (
            checks,  # noqa: F401 (registers the settings checks)
            revisions,
        )
        from .pagecache import signals
        from .search import index

        signals.connect()
        index.connect()

        # Every save through the admin or an import keeps the whole release. Registered here,
        # once modeltranslation has added each language's columns, so that a revision holds
        # every language.
        revisions.register()
