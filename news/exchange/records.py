"""One record of an import file: read into a checked Record, named in every problem found."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from ..languages import LANGUAGE_CODES
from ..limits import LEGACY_ID_MAX, escape_unwanted_characters, validate_characters
from ..models import Article, Category
from .images import parse_images

TRANSLATED_FIELDS = ("title", "slug", "summary", "body")
# Only withdrawn releases carry these; other records leave them out.
WITHDRAWAL_TEXT = "withdrawal_reason"
RECORD_KEYS = {
    "images",
    "withdrawn_at",
    WITHDRAWAL_TEXT,
    "legacy_id",
    "category",
    "published_at",
    "status",
    "original_language",
    *TRANSLATED_FIELDS,
}
# How a problem names a column: "summary.en", as the file writes it.
FIELD_NAMES = {
    build_localized_fieldname(name, language): f"{name}.{language}"
    for name in (*TRANSLATED_FIELDS, WITHDRAWAL_TEXT)
    for language in LANGUAGE_CODES
}


class ImportFileError(Exception):
    """The file cannot be imported; the message lists every problem found."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Record:
    position: int
    legacy_id: int | None
    category: Category
    published_at: datetime
    status: str
    original_language: str
    texts: dict = field(default_factory=dict)  # {"title": {"az": "…"}, …}
    withdrawn_at: datetime | None = None
    # The record's photographs; None when it says nothing of them, which leaves them as they are.
    images: list | None = None


def describe(position, legacy_id):
    """Return how problems name a record: its position, and its legacy_id when it has one."""
    if legacy_id is None:
        return _("record %(position)s") % {"position": position}
    return _("record %(position)s (legacy_id %(legacy_id)s)") % {
        "position": position,
        "legacy_id": legacy_id,
    }


def shown(value):
    """Return ``value`` as a problem quotes it: short, and never a whole array or object."""
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    text = escape_unwanted_characters(str(value))
    return text if len(text) <= 40 else text[:40] + "…"


def _unknown_language(language):
    return _("unknown language “%(language)s” (expected one of %(languages)s)") % {
        "language": shown(language),
        "languages": ", ".join(LANGUAGE_CODES),
    }


def _parse_datetime(value):
    if not isinstance(value, str):
        raise ValueError
    moment = datetime.fromisoformat(value)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _check_texts(raw, problem):
    texts = {}
    for name in (*TRANSLATED_FIELDS, WITHDRAWAL_TEXT):
        value = raw.get(name, {})
        if not isinstance(value, dict):
            problem(name, _('expected an object of languages such as {"az": "…"}'))
            continue
        texts[name] = {}
        for language, text in value.items():
            if language not in LANGUAGE_CODES:
                problem(name, _unknown_language(language))
            elif not isinstance(text, str):
                problem(f"{name}.{language}", _("expected text"))
            else:
                try:
                    validate_characters(text)
                except ValidationError as error:
                    problem(f"{name}.{language}", " ".join(error.messages))
                    continue
                texts[name][language] = text
    if not any(title.strip() for title in texts.get("title", {}).values()):
        problem("title", _("a title is needed in at least one language"))
    return texts


def parse_record(position, raw, categories):
    """Return a checked Record, or raise ImportFileError naming the record and each bad field."""
    if not isinstance(raw, dict):
        raise ImportFileError(
            [_("%(record)s: expected a JSON object") % {"record": describe(position, None)}]
        )
    legacy_id = raw.get("legacy_id")
    valid_legacy_id = legacy_id is None or (
        isinstance(legacy_id, int)
        and not isinstance(legacy_id, bool)
        and 0 < legacy_id <= LEGACY_ID_MAX
    )
    record_name = describe(position, legacy_id if valid_legacy_id else None)
    problems = []

    def problem(field_name, message):
        problems.append(f"{record_name}: {field_name}: {message}")

    if not valid_legacy_id:
        problem(
            "legacy_id",
            _("“%(value)s” is not a whole number from 1 to %(max)s, or null")
            % {"value": shown(legacy_id), "max": LEGACY_ID_MAX},
        )
    for unknown in sorted(set(raw) - RECORD_KEYS):
        problem(shown(unknown), _("unknown field"))

    category_key = raw.get("category")
    category = categories.get(category_key) if isinstance(category_key, str) else None
    if category is None:
        problem(
            "category",
            _("unknown category “%(value)s” (expected one of %(keys)s)")
            % {"value": shown(category_key), "keys": ", ".join(sorted(categories))},
        )
    status = raw.get("status")
    if not isinstance(status, str) or status not in Article.Status.values:
        problem(
            "status",
            _("unknown status “%(value)s” (expected one of %(values)s)")
            % {"value": shown(status), "values": ", ".join(Article.Status.values)},
        )
    try:
        published_at = _parse_datetime(raw.get("published_at"))
    except ValueError:
        published_at = None
        problem(
            "published_at",
            _("“%(value)s” is not a date and time such as 2020-12-15T11:30:00+04:00")
            % {"value": shown(raw.get("published_at"))},
        )
    withdrawn_at = None
    if status == Article.Status.WITHDRAWN:
        try:
            withdrawn_at = _parse_datetime(raw.get("withdrawn_at"))
        except ValueError:
            problem(
                "withdrawn_at",
                _("a withdrawn release needs the date and time of its withdrawal, not “%(value)s”")
                % {"value": shown(raw.get("withdrawn_at"))},
            )
    original_language = raw.get("original_language", settings.LANGUAGE_CODE)
    if not isinstance(original_language, str) or original_language not in LANGUAGE_CODES:
        problem("original_language", _unknown_language(original_language))
    texts = _check_texts(raw, problem)
    # Figures name photographs of the record's list; without one, a figure names nothing.
    images = parse_images(raw.get("images", []), texts, problem)

    if problems:
        raise ImportFileError(problems)
    return Record(
        position,
        legacy_id,
        category,
        published_at,
        status,
        original_language,
        texts,
        withdrawn_at,
        images if "images" in raw else None,
    )
