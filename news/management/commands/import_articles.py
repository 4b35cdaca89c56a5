"""Import press releases from JSON, such as the old site's export or our own backups.

Records are matched on ``legacy_id``: importing a file twice updates, never duplicates. The
whole file is checked first; one bad record and nothing is written.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from news.exchange import ImportFileError, import_records, parse_records

PROGRESS_EVERY = 100


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

    def handle(self, *args, file, dry_run, verbosity, **options):
        text = self.read(file)
        try:
            records = parse_records(text)
        except ImportFileError as error:
            raise CommandError(
                f"{file}: nothing imported, {len(error.problems)} problem(s):\n{error}"
            ) from error
        result = import_records(
            records, dry_run=dry_run, progress=self.progress if verbosity >= 1 else None
        )
        self.report(result, dry_run, verbosity)

    def read(self, file):
        if file == "-":
            return sys.stdin.read()
        try:
            with open(file, encoding="utf-8") as handle:
                return handle.read()
        except OSError as error:
            raise CommandError(f"{file}: cannot read: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{file}: not UTF-8 text ({error.reason})") from error

    def progress(self, done, total):
        if total > PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
            self.stderr.write(f"{done}/{total} records")

    def report(self, result, dry_run, verbosity):
        if verbosity >= 2:
            for record in result.created:
                self.stdout.write(
                    f"create: record {record.position} (legacy_id {record.legacy_id})"
                )
            for record, fields in result.updated:
                self.stdout.write(
                    f"update: record {record.position} (legacy_id {record.legacy_id}): "
                    + ", ".join(fields)
                )
        prefix = "Dry run, nothing written: would create" if dry_run else "Created"
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix} {len(result.created)}, "
                f"{'update' if dry_run else 'updated'} {len(result.updated)}, "
                f"unchanged {len(result.unchanged)}."
            )
        )
