"""Checks of the settings that ``manage.py check`` (and every start) runs."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core import checks


@checks.register()
def agency_mark_is_our_own_file(app_configs=None, **kwargs):
    """The header's mark is served by the site itself: never an address on another host."""
    mark = settings.AGENCY_MARK
    if "://" in mark or mark.startswith("/"):
        return [
            checks.Error(
                f"AGENCY_MARK is {mark!r}: name a file under static/ (for example "
                "'img/agency-emblem.svg'), not an address; pages fetch nothing from elsewhere.",
                id="news.E001",
            )
        ]
    if not finders.find(mark):
        return [
            checks.Error(
                f"AGENCY_MARK names {mark!r}, which is not among the static files.",
                id="news.E002",
            )
        ]
    return []
