"""Exporting releases to the JSON array the import reads, one release at a time."""

import json

from django.utils import timezone

from ..languages import LANGUAGE_CODES
from ..models import Article, localized
from .records import TRANSLATED_FIELDS, WITHDRAWAL_TEXT

# Releases read from the database at a time: memory stays the same whatever the archive.
CHUNK = 500


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


def export_chunks(articles):
    """Yield the JSON text of ``articles`` piece by piece, oldest first, stable between exports."""
    # Joined, the pieces are json.dumps(records, ensure_ascii=False, indent=2) and a line break.
    ordered = articles.select_related("category").order_by("published_at", "id")
    separator = "[\n"
    for article in ordered.iterator(chunk_size=CHUNK):
        text = json.dumps(export_record(article), ensure_ascii=False, indent=2)
        yield separator + "  " + text.replace("\n", "\n  ")
        separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"
