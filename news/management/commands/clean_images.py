"""List the photograph files that nothing references, and remove them when asked.

Nothing else ever removes a photograph's file: replacing a file, deleting a photograph from the
library, or an upload whose save failed half-way leave files behind, and this command is where
they go. It spares every file of every photograph in the library, and a photograph stays in
the library as long as a release (in the trash or not) or a revision of one shows it.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from news.images.storage import file_storage, remove, stored_names
from news.models import Image


class Command(BaseCommand):
    help = "List photograph files that nothing references; remove them with --delete."

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help="remove the files listed (without it: list only)"
        )
        parser.add_argument(
            "--older-than",
            type=int,
            default=60,
            metavar="MINUTES",
            help=(
                "leave files written in the last MINUTES alone: an upload may still be "
                "saving its photograph (default: 60)"
            ),
        )

    def handle(self, *args, delete, older_than, verbosity, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more minutes.")
        referenced = set()
        for image in Image.objects.only("original", "renditions").iterator():
            referenced |= image.file_names()
        orphans = self.old_enough(sorted(set(stored_names()) - referenced), older_than)
        for name in orphans:
            if verbosity >= 1:
                self.stdout.write(name)
        if not delete:
            self.stdout.write(
                f"{len(orphans)} files are referenced by nothing"
                + ("; run again with --delete to remove them." if orphans else ".")
            )
            return
        for done, start in enumerate(range(0, len(orphans), 100), start=1):
            remove(orphans[start : start + 100])
            if verbosity >= 2:
                self.stdout.write(f"… {min(done * 100, len(orphans))} of {len(orphans)} removed")
        self.stdout.write(f"Removed {len(orphans)} files that nothing referenced.")

    def old_enough(self, names, minutes):
        """Return the ``names`` last written more than ``minutes`` ago."""
        if minutes == 0:
            return names
        storage = file_storage()
        cutoff = timezone.now() - timedelta(minutes=minutes)
        return [name for name in names if storage.get_modified_time(name) < cutoff]
