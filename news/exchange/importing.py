"""Importing a file of releases: checked whole first, then written in batches, all or nothing.

The file is read twice, one record at a time, so that memory does not grow with its size.
The first reading checks every record exactly as writing it would (the same validators as
the admin's forms, and so the same limits as the database's constraints), and the second
writes, only if the first found nothing wrong. A dry run is the first reading alone, so
"would create N" means the import itself creates N.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from ..models import Article, ArticleImage, Category
from ..models.images import place_body_images
from ..revisions import keep_revisions
from .images import MediaFolder, body_with_library_numbers, describe_image, photographs_differ
from .reading import FileError, read_records
from .records import FIELD_NAMES, ImportFileError, describe, parse_record

# Records looked up, checked and written together.
BATCH = 500
# Columns an import neither sets nor checks: the category is looked up by its key already,
# and the untranslated columns mirror whichever language is active.
NOT_CHECKED = [
    "id",
    "lead_image",
    "category",
    "author",
    "last_edited_by",
    "source_digest",
    "lock_version",
    "created_at",
    "updated_at",
    "deleted_at",
    "title",
    "slug",
    "summary",
    "body",
    "withdrawal_reason",
]


@dataclass
class ImportResult:
    """What an import creates and updates, record by record: (position, legacy_id)."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)  # [((position, legacy_id), [field names])]
    unchanged: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.created) + len(self.updated) + len(self.unchanged)


def import_file(open_file, *, media=None, dry_run=False, checked=None, written=None):
    """Check every record of the file, then (unless ``dry_run``) write them all.

    ``media`` is the folder the records' photographs are read from.
    """
    # open_file() opens the file afresh for each reading; checked(done) and
    # written(done, total) report progress. ImportFileError lists every problem.
    folder = MediaFolder(media)
    result = check_file(open_file, checked, folder)
    if not dry_run:
        write_file(open_file, result.total, written, folder)
    return result


def check_file(open_file, progress=None, media=None):
    """Return what importing the file would do, or raise ImportFileError naming each problem."""
    result, problems, seen = ImportResult(), [], {}
    media = media or MediaFolder(None)
    for batch in _batches(open_file, problems):
        for record, article, is_new, changed in batch:
            name = (record.position, record.legacy_id)
            if record.legacy_id is not None:
                if record.legacy_id in seen:
                    problems.append(
                        _("%(record)s: legacy_id: also used by record %(other)s")
                        % {"record": describe(*name), "other": seen[record.legacy_id]}
                    )
                seen.setdefault(record.legacy_id, record.position)
            problems += _validation_problems(record, article)
            refused = media.check(record.images or [])
            problems += [f"{describe(*name)}: {field}: {message}" for field, message in refused]
            says_photographs = not refused and record.images is not None
            if says_photographs and not is_new and photographs_differ(article, record.images):
                changed = [*changed, "images"]
            if is_new:
                result.created.append(name)
            elif changed:
                result.updated.append((name, changed))
            else:
                result.unchanged.append(name)
        if progress:
            progress(result.total)
    if problems:
        raise ImportFileError(problems)
    return result


@transaction.atomic
def write_file(open_file, total, progress=None, media=None):
    """Create or update one release per record, with one revision each; all or nothing."""
    problems, done = [], 0
    media = media or MediaFolder(None)
    library = {}  # record position -> [(entry, photograph)]

    def take_photographs(records):
        for record in records:
            if record.images:
                library[record.position] = photographs_of(record, media, problems)

    for batch in _batches(open_file, problems, compare=False, prepare=take_photographs):
        if problems:
            break
        new = [article for _record, article, is_new, _changed in batch if is_new]
        reshown = {
            record.position
            for record, article, _is_new, _fields in batch
            if record.images is not None and photographs_differ(article, record.images)
        }
        changed = [
            article
            for record, article, is_new, fields in batch
            if not is_new and (fields or record.position in reshown)
        ]
        Article.objects.create_many(new)
        for article in changed:
            article.save()
        for record, article, is_new, _changed in batch:
            if record.position in reshown:
                show_photographs(article, library.pop(record.position, []), is_new)
        keep_revisions([*new, *changed], _("Imported from a file."))
        done += len(batch)
        if progress:
            progress(done, total)
    if problems:
        # The file changed since it was checked: write none of it.
        raise ImportFileError(problems)


def photographs_of(record, media, problems):
    """Return [(entry, photograph)] of ``record``, storing new files; figures get numbers."""
    if refused := media.check(record.images):
        # The files changed since they were checked.
        name = describe(record.position, record.legacy_id)
        problems += [f"{name}: {field_name}: {message}" for field_name, message in refused]
        return []
    shown = [(entry, describe_image(media.image(entry), entry)) for entry in record.images]
    numbers = {entry.file: image.pk for entry, image in shown}
    bodies = record.texts.get("body", {})
    for language, html in bodies.items():
        bodies[language] = body_with_library_numbers(html, numbers)
    return shown


def show_photographs(article, shown, is_new):
    """Make ``article`` show exactly the record's lead photograph and gallery."""
    for use in article.images.exclude(place=ArticleImage.Place.BODY):
        use.delete()
    for entry, image in shown:
        if entry.place != ArticleImage.Place.BODY:
            ArticleImage.objects.create(
                article=article, image=image, place=entry.place, position=entry.position
            )
    if is_new:
        # create_many writes no body's figures; save() records them for the others.
        place_body_images(article)


def _batches(open_file, problems, compare=True, prepare=None):
    """Yield lists of (record, article with the record applied, is new, changed fields)."""
    # What cannot be read or parsed goes to ``problems`` instead; ``prepare(records)`` may
    # change a batch's records before they are applied.
    categories = {category.key: category for category in Category.objects.all()}
    with open_file() as handle:
        records = []
        try:
            for raw in read_records(handle):
                if raw.problem:
                    problems.append(f"{describe(raw.position, raw.legacy_id)}, {raw.problem}")
                    continue
                try:
                    records.append(parse_record(raw.position, raw.value, categories))
                except ImportFileError as error:
                    problems += error.problems
                if len(records) == BATCH:
                    yield _applied(records, compare, prepare)
                    records = []
        except FileError as error:
            problems.append(str(error))
        if records:
            yield _applied(records, compare, prepare)


def _applied(records, compare=True, prepare=None):
    """Return the batch's records applied to their releases, new or matched on legacy_id."""
    # Without ``compare``, a new release is left for create_many to tidy, and its changed
    # fields are not worked out.
    if prepare:
        prepare(records)
    legacy_ids = [record.legacy_id for record in records if record.legacy_id is not None]
    existing = Article.objects.in_bulk(legacy_ids, field_name="legacy_id")
    batch = []
    for record in records:
        article = existing.get(record.legacy_id) or Article()
        is_new = article.pk is None
        changed = _apply(article, record, normalize=compare or not is_new)
        batch.append((record, article, is_new, changed))
    return batch


def _apply(article, record, normalize=True):
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
    if not normalize:
        return []
    article.normalize()
    return sorted(
        name for name, value in before.items() if getattr(article, name) != value and name != "id"
    )


def _validation_problems(record, article):
    """Return what the model's own validators say of ``article``, named as the file names it."""
    try:
        article.clean_fields(exclude=NOT_CHECKED)
    except ValidationError as error:
        return [
            f"{describe(record.position, record.legacy_id)}: {FIELD_NAMES.get(name, name)}: "
            + " ".join(messages)
            for name, messages in error.message_dict.items()
        ]
    return []
