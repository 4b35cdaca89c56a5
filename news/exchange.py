"""Reading and writing press releases as JSON: the old site's export, our backups, the demo.

A file is an array of records or one record per line. Every record is checked before anything
is written, so a file either imports whole or not at all.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

import reversion
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from .languages import LANGUAGE_CODES
from .models import Article, Category, localized

TRANSLATED_FIELDS = ("title", "slug", "summary", "body")
# Only withdrawn releases carry these; other records leave them out.
WITHDRAWAL_TEXT = "withdrawal_reason"
RECORD_KEYS = {
    "withdrawn_at",
    WITHDRAWAL_TEXT,
    "legacy_id",
    "category",
    "published_at",
    "status",
    "original_language",
    *TRANSLATED_FIELDS,
}
TITLE_MAX_LENGTH = Article._meta.get_field("title").max_length
# PositiveIntegerField is a 32-bit column on PostgreSQL.
LEGACY_ID_MAX = 2**31 - 1
_LEGACY_ID_IN_TEXT = re.compile(r'"legacy_id"\s*:\s*(\d+)')


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


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


def _describe(position, legacy_id):
    if legacy_id is None:
        return _("record %(position)s") % {"position": position}
    return _("record %(position)s (legacy_id %(legacy_id)s)") % {
        "position": position,
        "legacy_id": legacy_id,
    }


def read_raw_records(text):
    """Return [(position, value)] from a JSON array or from JSON lines, positions from 1."""
    if text.lstrip().startswith("["):
        try:
            values = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFileError(
                [
                    _("invalid JSON at line %(line)s, column %(column)s: %(reason)s")
                    % {"line": error.lineno, "column": error.colno, "reason": error.msg}
                ]
            ) from error
        return list(enumerate(values, start=1))

    records, problems = [], []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        position = len(records) + len(problems) + 1
        try:
            records.append((position, json.loads(line)))
        except json.JSONDecodeError as error:
            found = _LEGACY_ID_IN_TEXT.search(line)
            problems.append(
                _("%(record)s, line %(line)s: invalid JSON: %(reason)s")
                % {
                    "record": _describe(position, int(found.group(1)) if found else None),
                    "line": line_number,
                    "reason": error.msg,
                }
            )
    if problems:
        raise ImportFileError(problems)
    return records


def _unknown_language(language):
    return _("unknown language “%(language)s” (expected one of %(languages)s)") % {
        "language": language,
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
        for language, text in value.items():
            if language not in LANGUAGE_CODES:
                problem(name, _unknown_language(language))
            elif not isinstance(text, str):
                problem(f"{name}.{language}", _("expected text"))
        texts[name] = {lang: text for lang, text in value.items() if isinstance(text, str)}
    titles = texts.get("title", {})
    if not any(title.strip() for title in titles.values()):
        problem("title", _("a title is needed in at least one language"))
    for language, title in titles.items():
        if len(title.strip()) > TITLE_MAX_LENGTH:
            problem(
                f"title.{language}",
                _("longer than %(limit)s characters") % {"limit": TITLE_MAX_LENGTH},
            )
    return texts


def parse_record(position, raw, categories):
    """Return a checked Record, or raise ImportFileError naming the record and each bad field."""
    if not isinstance(raw, dict):
        raise ImportFileError(
            [_("%(record)s: expected a JSON object") % {"record": _describe(position, None)}]
        )
    legacy_id = raw.get("legacy_id")
    valid_legacy_id = legacy_id is None or (
        isinstance(legacy_id, int)
        and not isinstance(legacy_id, bool)
        and 0 < legacy_id <= LEGACY_ID_MAX
    )
    record_name = _describe(position, legacy_id if valid_legacy_id else None)
    problems = []

    def problem(field_name, message):
        problems.append(f"{record_name}: {field_name}: {message}")

    if not valid_legacy_id:
        problem(
            "legacy_id",
            _("“%(value)s” is not a whole number from 1 to %(max)s, or null")
            % {"value": legacy_id, "max": LEGACY_ID_MAX},
        )
    for unknown in sorted(set(raw) - RECORD_KEYS):
        problem(unknown, _("unknown field"))

    category_key = raw.get("category")
    category = categories.get(category_key) if isinstance(category_key, str) else None
    if category is None:
        problem(
            "category",
            _("unknown category “%(value)s” (expected one of %(keys)s)")
            % {"value": category_key, "keys": ", ".join(sorted(categories))},
        )
    status = raw.get("status")
    if status not in Article.Status.values:
        problem(
            "status",
            _("unknown status “%(value)s” (expected one of %(values)s)")
            % {"value": status, "values": ", ".join(Article.Status.values)},
        )
    try:
        published_at = _parse_datetime(raw.get("published_at"))
    except ValueError:
        published_at = None
        problem(
            "published_at",
            _("“%(value)s” is not a date and time such as 2020-12-15T11:30:00+04:00")
            % {"value": raw.get("published_at")},
        )
    withdrawn_at = None
    if status == Article.Status.WITHDRAWN:
        try:
            withdrawn_at = _parse_datetime(raw.get("withdrawn_at"))
        except ValueError:
            problem(
                "withdrawn_at",
                _("a withdrawn release needs the date and time of its withdrawal, not “%(value)s”")
                % {"value": raw.get("withdrawn_at")},
            )
    original_language = raw.get("original_language", settings.LANGUAGE_CODE)
    if original_language not in LANGUAGE_CODES:
        problem("original_language", _unknown_language(original_language))
    texts = _check_texts(raw, problem)

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
    )


def parse_records(text):
    """Return every record of ``text`` checked, or raise ImportFileError listing all problems."""
    raw_records = read_raw_records(text)
    categories = {category.key: category for category in Category.objects.all()}
    records, problems, seen = [], [], {}
    for position, raw in raw_records:
        try:
            record = parse_record(position, raw, categories)
        except ImportFileError as error:
            problems.extend(error.problems)
            continue
        if record.legacy_id is not None:
            if record.legacy_id in seen:
                problems.append(
                    _("%(record)s: legacy_id: also used by record %(other)s")
                    % {
                        "record": _describe(position, record.legacy_id),
                        "other": seen[record.legacy_id],
                    }
                )
            seen[record.legacy_id] = position
        records.append(record)
    if problems:
        raise ImportFileError(problems)
    return records


def _apply(article, record):
    """Write ``record`` onto ``article``; return the names of the fields that changed."""
    before = {f.attname: getattr(article, f.attname) for f in article._meta.concrete_fields}
    article.legacy_id = record.legacy_id
    article.category = record.category
    article.status = record.status
    article.published_at = record.published_at
    article.original_language = record.original_language
    article.withdrawn_at = record.withdrawn_at
    for name, values in record.texts.items():
        for language, text in values.items():
            setattr(article, build_localized_fieldname(name, language), text)
    article.normalize()
    return sorted(
        name for name, value in before.items() if getattr(article, name) != value and name != "id"
    )


@transaction.atomic
def import_records(records, *, dry_run=False, progress=None):
    """Create or update one release per record, matched on legacy_id; nothing saved on dry run.

    Languages a record leaves out are kept as they are, so a re-import never erases a
    translation made here since.
    """
    existing = Article.objects.in_bulk(
        [r.legacy_id for r in records if r.legacy_id is not None], field_name="legacy_id"
    )
    result = ImportResult()
    for done, record in enumerate(records, start=1):
        article = existing.get(record.legacy_id) or Article()
        is_new = article.pk is None
        changed = _apply(article, record)
        if is_new:
            result.created.append(record)
        elif changed:
            result.updated.append((record, changed))
        else:
            result.unchanged.append(record)
        if (is_new or changed) and not dry_run:
            with reversion.create_revision():
                reversion.set_comment(_("Imported from a file."))
                article.save()
        if progress:
            progress(done, len(records))
    return result


def export_record(article):
    """Return ``article`` as an import record; languages without text are left out."""
    record = {
        "legacy_id": article.legacy_id,
        "category": article.category.key,
        "published_at": timezone.localtime(article.published_at).isoformat(),
        "status": article.status,
        "original_language": article.original_language,
    }
    names = list(TRANSLATED_FIELDS)
    if article.status == Article.Status.WITHDRAWN:
        record["withdrawn_at"] = timezone.localtime(article.withdrawn_at).isoformat()
        names.append(WITHDRAWAL_TEXT)
    for name in names:
        record[name] = {
            language: value
            for language in LANGUAGE_CODES
            if (value := localized(article, name, language))
        }
    return record


def export_records(articles):
    """Return the JSON text of ``articles``, oldest first, stable from one export to the next."""
    records = [
        export_record(article)
        for article in articles.select_related("category").order_by("published_at", "id")
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
