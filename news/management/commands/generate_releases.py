"""Fill a scratch database (or a file) with plausible releases, to measure the site at full size.

The agency's archive holds about 17,000 releases; benchmarks and demos of the lists, search and
admin need as many. Releases are written in bulk, without revisions or events, so this is never
something to run against the real newsroom: under production settings it refuses unless told
explicitly that the database is a scratch one.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation

from news.demo.generator import generate
from news.languages import LANGUAGE_CODES
from news.models import Article, Category, Translation
from news.pagecache.generation import content_changed
from news.search.index import index_articles

PRODUCTION_SETTINGS = "migration_portal.settings.production"


class Command(BaseCommand):
    help = "Create N made-up releases in three languages (for benchmarks and demos only)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many releases to make")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same releases")
        parser.add_argument(
            "--output",
            help="write them to this JSON Lines file in the import format instead of the database",
        )
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument(
            "--scratch-database",
            action="store_true",
            help="confirm that the database may take made-up releases (needed in production)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="make the releases, write nothing"
        )

    def handle(self, *args, count, seed, output, batch_size, scratch_database, dry_run, **options):
        if count < 1 or batch_size < 1:
            raise CommandError("count and --batch-size must be whole numbers of 1 or more.")
        verbosity = options["verbosity"]
        first = (Article.objects.aggregate(highest=Max("legacy_id"))["highest"] or 99_999) + 1
        releases = generate(count, seed=seed, first_legacy_id=first)
        if output:
            written = self.write_file(output, releases, dry_run)
            if verbosity:
                self.stdout.write(f"Wrote {written} releases to {output}.")
            return
        if settings.SETTINGS_MODULE == PRODUCTION_SETTINGS and not scratch_database:
            raise CommandError(
                "Refusing to add made-up releases under production settings; pass "
                "--scratch-database if this database really is a scratch one."
            )
        created = self.write_database(releases, batch_size, dry_run, verbosity)
        if verbosity:
            verb = "Would create" if dry_run else "Created"
            self.stdout.write(self.style.SUCCESS(f"{verb} {created} releases."))

    def write_file(self, path, releases, dry_run):
        if dry_run:
            return sum(1 for _release in releases)
        written = 0
        try:
            with open(path, "w", encoding="utf-8") as handle:
                for release in releases:
                    record = {
                        "legacy_id": release.legacy_id,
                        "category": release.category,
                        "published_at": timezone.localtime(release.published_at).isoformat(),
                        "status": release.status,
                        "original_language": "az",
                        **release.texts,
                    }
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
        except OSError as error:
            raise CommandError(f"{path}: cannot write: {error.strerror}") from error
        return written

    @transaction.atomic
    def write_database(self, releases, batch_size, dry_run, verbosity):
        categories = {category.key: category for category in Category.objects.all()}
        created = 0
        batch = []
        # The untranslated columns take the default language's text, as an ordinary save does.
        with translation.override(settings.LANGUAGE_CODE):
            for release in releases:
                batch.append(self.build(release, categories))
                if len(batch) == batch_size:
                    created += self.flush(batch, dry_run)
                    batch = []
                    if verbosity >= 2:
                        self.stderr.write(f"{created} releases")
            created += self.flush(batch, dry_run)
        # Bulk writes send no signals: say once that the public content has changed.
        content_changed()
        return created

    def build(self, release, categories):
        article = Article(
            legacy_id=release.legacy_id,
            category=categories[release.category],
            status=release.status,
            published_at=release.published_at,
            original_language="az",
        )
        for field, values in release.texts.items():
            for language, text in values.items():
                setattr(article, f"{field}_{language}", text)
        article.normalize()
        article.source_digest = article.digest_of(article.original_language)
        for name, value in article.availability().items():
            setattr(article, name, value)
        return article

    def flush(self, batch, dry_run):
        if dry_run or not batch:
            return len(batch)
        Article.objects.bulk_create(batch)
        translations = []
        for article in batch:
            texts = article.texts()
            title, summary, body = texts[article.original_language]
            translations += [
                Translation(
                    article=article,
                    language=language,
                    source_title=title,
                    source_summary=summary,
                    source_body=body,
                    source_digest=article.source_digest,
                )
                for language in LANGUAGE_CODES
                if language != article.original_language and any(texts[language])
            ]
        Translation.objects.bulk_create(translations)
        index_articles(batch)
        return len(batch)
