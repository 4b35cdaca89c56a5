"""Reading and testing one language's column of a field that modeltranslation translates."""

from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from modeltranslation.utils import build_localized_fieldname


def localized(obj, field, language):
    """Return the value of a translated field in ``language``; "" when it is empty."""
    return getattr(obj, build_localized_fieldname(field, language)) or ""


def filled(field, language):
    """Return a condition: the translated ``field`` holds text in ``language``.

    Translation columns are nullable, so both NULL and "" mean "missing"; ``> ''`` is false
    for both.
    """
    return Q(**{f"{build_localized_fieldname(field, language)}__gt": ""})


def at_most(column, limit):
    """Return a condition: ``column`` holds at most ``limit`` characters (or nothing)."""
    return Q(LessThanOrEqual(Length(column), limit))
