"""Exporting releases to the JSON array the import reads, one release at a time.

With a media folder, each release's photographs go with it: their files are copied there from
the storage and named in the record, and body figures name them by file, as the import reads.
"""

import json
from pathlib import Path

from django.db.models import Prefetch
from django.utils import timezone

from ..images.storage import file_storage
from ..languages import LANGUAGE_CODES
from ..models import Article, ArticleImage, localized
from .images import TEXT_LIMITS, body_with_files
from .records import TRANSLATED_FIELDS, WITHDRAWAL_TEXT

# Releases read from the database at a time: memory stays the same whatever the archive.
CHUNK = 500
PLACE_ORDER = {
    ArticleImage.Place.LEAD: 0,
    ArticleImage.Place.GALLERY: 1,
    ArticleImage.Place.BODY: 2,
}


class MediaCopy:
    """The folder an export writes photographs to, each file once."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.written = set()

    def add(self, image):
        """Copy ``image``'s original into the folder, unless it is there; return its name."""
        if image.original not in self.written:
            target = self.folder / image.original
            target.parent.mkdir(parents=True, exist_ok=True)
            with file_storage().open(image.original, "rb") as source, target.open("wb") as copy:
                for chunk in source.chunks():
                    copy.write(chunk)
            self.written.add(image.original)
        return image.original


def export_record(article, media=None):
    """Return ``article`` as an import record; languages without text are left out.

    With ``media`` (a MediaCopy), its photographs go with it; without, its bodies' figures are
    left out, as they would name nothing on another site.
    """
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
    uses = sorted(
        article.images.all(),
        key=lambda use: (PLACE_ORDER[use.place], use.position, use.language, use.pk),
    )
    files = {use.image_id: media.add(use.image) for use in uses} if media else {}
    for name in names:
        record[name] = {
            language: body_with_files(value, files) if name == "body" else value
            for language in LANGUAGE_CODES
            if (value := localized(article, name, language))
        }
    if media and uses:
        record["images"] = [photograph(use, files[use.image_id]) for use in uses]
    return record


def photograph(use, file):
    """Return one use of a photograph as the import reads it."""
    image = use.image
    entry = {"file": file, "place": use.place}
    if use.place == ArticleImage.Place.GALLERY:
        entry["position"] = use.position
    if use.place == ArticleImage.Place.BODY:
        entry["language"] = use.language
    for key in TEXT_LIMITS:
        entry[key] = {
            code: text for code in LANGUAGE_CODES if (text := localized(image, key, code))
        }
    entry.update(credit=image.credit, decorative=image.decorative, focus=list(image.focus))
    return entry


def export_chunks(articles, media=None):
    """Yield the JSON text of ``articles`` piece by piece, oldest first, stable between exports."""
    # Joined, the pieces are json.dumps(records, ensure_ascii=False, indent=2) and a line break.
    uses = ArticleImage.objects.select_related("image")
    ordered = (
        articles.select_related("category")
        .prefetch_related(Prefetch("images", queryset=uses))
        .order_by("published_at", "id")
    )
    media = MediaCopy(media) if media else None
    separator = "[\n"
    for article in ordered.iterator(chunk_size=CHUNK):
        text = json.dumps(export_record(article, media), ensure_ascii=False, indent=2)
        yield separator + "  " + text.replace("\n", "\n  ")
        separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"
