"""How much text a release may hold, which characters no text may hold, and which dates count.

One definition for the admin's forms, the import and the database's constraints. The
limits leave room for the longest release the agency has published, and keep every page
and every admin form well inside what a browser and Django accept in one request.
"""

import re
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .html import sanitize_html

TITLE_MAX_LENGTH = 255
SUMMARY_MAX_LENGTH = 2_000
# Measured on the cleaned HTML, as it is stored and shown.
BODY_MAX_LENGTH = 100_000
WITHDRAWAL_REASON_MAX_LENGTH = 1_000
REVIEW_REMARK_MAX_LENGTH = 5_000
CHANGE_NOTE_MAX_LENGTH = 1_000
CATEGORY_NAME_MAX_LENGTH = 100
# The old site's numbers of releases; the column is a 32-bit integer on PostgreSQL.
LEGACY_ID_MAX = 2**31 - 1

# Control characters (tab, line feed and carriage return aside) and halves of surrogate
# pairs: invisible, refused by PostgreSQL (NUL) or not encodable at all (surrogates).
_UNWANTED_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

# Release dates the forms and the import accept: from the year the archive starts to a
# century ahead. The database refuses what lies outside fixed, slightly wider bounds:
# 1990 begun anywhere on Earth (UTC+14), and the year 3000, far from the year 9999 where
# turning a date into local time overflows.
EARLIEST_RELEASE_YEAR = 1990
YEARS_AHEAD = 100
EARLIEST_STORED = datetime(1989, 12, 31, 10, 0, tzinfo=UTC)
LATEST_STORED = datetime(3000, 1, 1, tzinfo=UTC)


def unwanted_character(text):
    """Return (position from 1, "U+XXXX") of the first character no text may hold, or None."""
    if found := _UNWANTED_CHARACTER.search(text):
        return found.start() + 1, f"U+{ord(found.group()):04X}"
    return None


def validate_characters(value):
    """Refuse text holding a control character or half a surrogate pair."""
    if isinstance(value, str) and (found := unwanted_character(value)):
        position, code = found
        raise ValidationError(
            _(
                "Remove the invisible control character %(code)s at position %(position)s: "
                "it cannot be stored."
            ),
            code="unwanted_character",
            params={"code": code, "position": position},
        )


def escape_unwanted_characters(text):
    """Return ``text`` with the characters validate_characters refuses written as \\uXXXX."""
    return _UNWANTED_CHARACTER.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


@deconstructible
class MaxCleanLengthValidator(MaxLengthValidator):
    """Limit rich text by the length it has once cleaned, which is what is stored."""

    def clean(self, x):
        return len(sanitize_html(x))


def release_date_window(now=None):
    """Return the earliest and the latest release date accepted now, in local time."""
    now = timezone.localtime(now)
    earliest = now.replace(
        year=EARLIEST_RELEASE_YEAR, month=1, day=1, hour=0, minute=0, second=0, microsecond=0
    )
    try:
        latest = now.replace(year=now.year + YEARS_AHEAD)
    except ValueError:  # 29 February, a century on, may not exist.
        latest = now.replace(year=now.year + YEARS_AHEAD, day=28)
    return earliest, latest


def validate_release_date(value):
    """Refuse a date outside release_date_window()."""
    earliest, latest = release_date_window()
    try:
        inside = earliest <= value <= latest
    except OverflowError:
        inside = False
    if not inside:
        raise ValidationError(
            _("Give a date from %(earliest)s to %(latest)s."),
            code="date_out_of_range",
            params={
                "earliest": date_format(earliest, "DATE_FORMAT"),
                "latest": date_format(latest, "DATE_FORMAT"),
            },
        )
