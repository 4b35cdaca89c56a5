"""Import press releases from JSON, such as the old site's export or our own backups.

Records are matched on ``legacy_id``: importing a file twice updates, never duplicates. The
whole file is checked first; one bad record and nothing is written. The file is read one
record at a time, twice (standard input is kept in a temporary file for the second
reading), so that an archive of any size imports in the same memory.
"""

import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from news.exchange import BATCH, ImportFileError, import_file


class Command(BaseCommand):
    help = (
        "Import press releases from a JSON file (an array, or one object per line); "
        "'-' reads standard input."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the JSON file, or - for standard input")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and say what would change"
        )
        parser.add_argument(
            "--media",
            help='folder the records\' photographs are read from (their "file" is relative to it)',
        )

    def handle(self, *args, file, dry_run, media, verbosity, **options):
        if media and not Path(media).is_dir():
            raise CommandError(f"{media}: not a folder; nothing imported")
        with self.readable(file) as open_file:
            try:
                result = import_file(
                    open_file,
                    media=media,
                    dry_run=dry_run,
                    checked=self.checked if verbosity >= 1 else None,
                    written=self.written if verbosity >= 1 else None,
                )
            except ImportFileError as error:
                raise CommandError(
                    f"{file}: nothing imported, {len(error.problems)} problem(s):\n{error}"
                ) from error
            except OSError as error:
                raise CommandError(f"{file}: cannot read: {error.strerror}") from error
            except UnicodeDecodeError as error:
                raise CommandError(
                    f"{file}: not UTF-8 text ({error.reason}), nothing imported"
                ) from error
        self.report(result, dry_run, verbosity)

    @contextmanager
    def readable(self, file):
        """Yield a function that opens the file afresh for each reading."""
        if file != "-":
            yield lambda: open(file, encoding="utf-8")  # noqa: SIM115
            return
        with tempfile.NamedTemporaryFile(prefix="import-", suffix=".json") as spool:
            shutil.copyfileobj(sys.stdin.buffer, spool)
            spool.flush()
            yield lambda: open(spool.name, encoding="utf-8")  # noqa: SIM115

    # Progress is told once a batch of records is checked, then once it is written; a file
    # of one batch is done before anyone would wait for it.
    def checked(self, done):
        if done >= BATCH:
            self.stderr.write(f"checked {done} records")

    def written(self, done, total):
        if total > BATCH:
            self.stderr.write(f"{done}/{total} records")

    def report(self, result, dry_run, verbosity):
        if verbosity >= 2:
            for position, legacy_id in result.created:
                self.stdout.write(f"create: record {position} (legacy_id {legacy_id})")
            for (position, legacy_id), fields in result.updated:
                self.stdout.write(
                    f"update: record {position} (legacy_id {legacy_id}): " + ", ".join(fields)
                )
        prefix = "Dry run, nothing written: would create" if dry_run else "Created"
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix} {len(result.created)}, "
                f"{'update' if dry_run else 'updated'} {len(result.updated)}, "
                f"unchanged {len(result.unchanged)}."
            )
        )
