"""Export every press release to JSON in the format import_articles reads.

Exporting, importing into an empty database and exporting again gives the same file.
"""

from django.core.management.base import BaseCommand, CommandError

from news.exchange import export_records
from news.models import Article


class Command(BaseCommand):
    help = "Export all press releases to a JSON file; '-' writes to standard output."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the JSON file to write, or - for standard output")

    def handle(self, *args, file, verbosity, **options):
        articles = Article.objects.all()
        text = export_records(articles)
        if file == "-":
            self.stdout.write(text, ending="")
            return
        try:
            with open(file, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:
            raise CommandError(f"{file}: cannot write: {error.strerror}") from error
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(f"Exported {articles.count()} releases to {file}.")
            )
