import reversion
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .languages import LANGUAGE_CODES


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Press centre")

    def ready(self):
        from . import models
        from .pagecache import signals
        from .search import index

        signals.connect()
        index.connect()

        # Every save through the admin or an import keeps the whole release. Registered here,
        # once modeltranslation has added each language's columns, so that a revision holds
        # every language; left out are the columns it fills from whichever language was active,
        # and the availability columns, which are derived and recomputed on every save.
        reversion.register(
            models.Article,
            exclude=[
                "title",
                "slug",
                "summary",
                "body",
                "withdrawal_reason",
                *(models.availability_field(code) for code in LANGUAGE_CODES),
            ],
        )
