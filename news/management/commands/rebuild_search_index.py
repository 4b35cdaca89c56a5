"""Rebuild the site search's documents and its list of known words from every release.

Every save keeps them in step, and so do ``generate_releases`` and the import. This is for
the rest: releases written by other means (SQL, a restored backup), or a change in how text
is folded, after which every document must be made again.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from news.languages import LANGUAGE_CODES
from news.models import Article, SearchTerm
from news.search.documents import PARTS
from news.search.index import index_articles

TEXT_COLUMNS = [f"{part}_{language}" for part in PARTS for language in LANGUAGE_CODES]


class Command(BaseCommand):
    help = "Rebuild the search documents and known words of every release."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--dry-run", action="store_true", help="say how many releases would be indexed"
        )

    def handle(self, *args, batch_size, dry_run, verbosity, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be a whole number of 1 or more.")
        total = Article.objects.count()
        if dry_run:
            self.stdout.write(f"Dry run, nothing written: would index {total} releases.")
            return
        with transaction.atomic():
            # Words only deleted releases held go with them.
            SearchTerm.objects.all().delete()
            releases = Article.objects.only(*TEXT_COLUMNS).order_by("pk")
            done, last = 0, 0
            while batch := list(releases.filter(pk__gt=last)[:batch_size]):
                done += index_articles(batch)
                last = batch[-1].pk
                if verbosity >= 2 or (verbosity and total > batch_size):
                    self.stderr.write(f"{done}/{total} releases")
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indexed {done} releases; {SearchTerm.objects.count()} known words."
                )
            )
