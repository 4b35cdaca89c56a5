"""Load the demo releases that ship with the project, so a new checkout shows a real newsroom.

Safe to run again: the releases are matched on their legacy_id and only changes are written.
Their pictures are drawn on the first run (news/demo/photographs.py) and reused after that.
"""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from news.demo.photographs import illustrate

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "releases.json"


class Command(BaseCommand):
    help = "Load (or refresh) the demo press releases and their pictures."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would change without writing"
        )

    def handle(self, *args, dry_run, verbosity, **options):
        call_command(
            "import_articles",
            str(DEMO_FILE),
            dry_run=dry_run,
            verbosity=verbosity,
            stdout=self.stdout,
            stderr=self.stderr,
        )
        illustrated = illustrate(dry_run=dry_run)
        if verbosity:
            verb = "Would give" if dry_run else "Gave"
            self.stdout.write(f"{verb} {illustrated} demo releases their pictures.")
