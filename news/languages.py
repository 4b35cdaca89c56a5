"""The site's languages, in the order visitors see them."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info, pgettext_lazy

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)

# A language's name as it fits "available in …": lower case and declined where the reader's
# language does so ("на английском", "ingilis dilində"), which Django's own names are not.
AVAILABLE_IN = {
    "az": pgettext_lazy("available in", "Azerbaijani"),
    "en": pgettext_lazy("available in", "English"),
    "ru": pgettext_lazy("available in", "Russian"),
}


def current_language():
    """Return the active language if the site offers it, else the default one."""
    language = get_language()
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def local_name(code):
    """Return a language's name written in that language ("Azərbaycanca", "Русский")."""
    return get_language_info(code)["name_local"]


def translated_name(code):
    """Return a language's name in the interface's language ("English", "ingilis dili")."""
    return get_language_info(code)["name_translated"]
