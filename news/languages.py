"""The site's languages, in the order visitors see them."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def current_language():
    """Return the active language if the site offers it, else the default one."""
    language = get_language()
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def local_name(code):
    """Return a language's name written in that language ("Azərbaycanca", "Русский")."""
    return get_language_info(code)["name_local"]
