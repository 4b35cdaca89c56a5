"""While the database cannot be reached, visitors get a short, translated 503, not a 500."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.defaults import server_error

from .bursts import Burst

logger = logging.getLogger("migration_portal.outage")
RETRY_AFTER_SECONDS = 30
# Raised by every database backend when the server is down, unreachable, or dropped the
# connection mid-request.
UNREACHABLE = (OperationalError, InterfaceError)
burst = Burst()


def visitor_language(request):
    """Return the language of the URL's prefix, else the one the browser asks for."""
    language = translation.get_language_from_path(request.path_info)
    if language:
        return language
    return translation.get_language_from_request(request, check_path=False)


def unavailable(request, error):
    """Return the 503 page in the visitor's language, and log the outage once per burst."""
    unreported = burst.admit()
    if unreported is not None:
        logger.error(
            "The database cannot be reached (%s); answering 503 until it is back%s.",
            error,
            f", {unreported} more requests since the last report" if unreported else "",
        )
    with translation.override(visitor_language(request)):
        html = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Logged above, once per burst; Django would otherwise log a traceback per request.
    response._has_been_logged = True
    return response


def server_error_or_unavailable(request, template_name="500.html"):
    """Answer an unreachable database with the 503 page, any other error with the 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, UNREACHABLE):
        return unavailable(request, error)
    return server_error(request, template_name)
