"""Export every press release to JSON in the format import_articles reads.

Exporting, importing into an empty database and exporting again gives the same file. The
releases are read and written a few hundred at a time, so the archive's size does not
change the memory the export needs.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from news.exchange import export_chunks
from news.models import Article


class Command(BaseCommand):
    help = "Export all press releases to a JSON file; '-' writes to standard output."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the JSON file to write, or - for standard output")
        photographs = parser.add_mutually_exclusive_group()
        photographs.add_argument(
            "--media", help="folder to copy the releases' photographs into, for the import"
        )
        photographs.add_argument(
            "--without-photographs",
            action="store_true",
            help="leave the photographs out (and the figures of bodies that place them)",
        )

    def handle(self, *args, file, media, without_photographs, verbosity, **options):
        articles = Article.objects.all()
        if not (media or without_photographs) and articles.filter(images__isnull=False).exists():
            raise CommandError(
                "Releases have photographs: give --media FOLDER to export them with their "
                "files, or --without-photographs to leave them out. Nothing exported."
            )
        if media:
            try:
                Path(media).mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise CommandError(f"{media}: cannot write: {error.strerror}") from error
        if file == "-":
            for chunk in export_chunks(articles, media):
                self.stdout.write(chunk, ending="")
            return
        # Written beside the target and moved over it at the end: an export cut short leaves
        # the previous file as it was, never half of a new one.
        partial = Path(f"{file}.partial")
        try:
            with partial.open("w", encoding="utf-8") as handle:
                handle.writelines(export_chunks(articles, media))
            partial.replace(file)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(f"{file}: cannot write: {error.strerror}") from error
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(f"Exported {articles.count()} releases to {file}.")
            )
