"""Compile and check the interface translations in locale/.

Compiling needs no GNU gettext (polib does it), so ``make run`` works on a bare machine.
``--check`` fails on any string of ours that locale/az or locale/ru lacks, on fuzzy or
obsolete entries, on strings in the code that the catalogues have not picked up yet (this
part needs GNU gettext's xgettext), and on compiled catalogues older than their sources.
"""

import contextlib
import shutil
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

# English is the language of the message ids themselves.
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
# Where the interface strings of ours live; tests and the virtualenv are not scanned.
SOURCE_DIRS = ("migration_portal", "news", "templates", "locale")
COPY_IGNORED = shutil.ignore_patterns("*.mo", "__pycache__")


def catalogue_paths(locale_dir, language):
    messages = Path(locale_dir) / language / "LC_MESSAGES"
    return messages / "django.po", messages / "django.mo"


def catalogue_problems(po_path):
    """Return what keeps a catalogue from being complete, one line per problem."""
    catalogue = polib.pofile(str(po_path))
    problems = [f"untranslated: {entry.msgid!r}" for entry in catalogue.untranslated_entries()]
    problems += [f"fuzzy: {entry.msgid!r}" for entry in catalogue.fuzzy_entries()]
    problems += [f"obsolete: {entry.msgid!r}" for entry in catalogue.obsolete_entries()]
    return [f"{po_path}: {problem}" for problem in problems]


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/django.po; with --check, fail on incomplete catalogues."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="write nothing; fail if a catalogue is incomplete, out of date or not compiled",
        )

    def handle(self, *args, check, verbosity, **options):
        locale_dir = settings.LOCALE_PATHS[0]
        if not check:
            for language in TRANSLATED_LANGUAGES:
                self.compile(*catalogue_paths(locale_dir, language), verbosity)
            return

        problems = []
        for language in TRANSLATED_LANGUAGES:
            po_path, mo_path = catalogue_paths(locale_dir, language)
            problems += catalogue_problems(po_path)
            if not mo_path.exists() or mo_path.read_bytes() != self.compiled(po_path):
                problems.append(f"{mo_path}: stale or missing; run `make catalogues`")
        problems += self.unextracted_strings()
        if problems:
            raise CommandError("Catalogues incomplete:\n" + "\n".join(problems))
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS("Catalogues complete and compiled."))

    def compiled(self, po_path):
        return polib.pofile(str(po_path)).to_binary()

    def compile(self, po_path, mo_path, verbosity):
        binary = self.compiled(po_path)
        if mo_path.exists() and mo_path.read_bytes() == binary:
            return
        mo_path.write_bytes(binary)
        if verbosity >= 1:
            self.stdout.write(f"compiled {mo_path}")

    def unextracted_strings(self):
        """Extract the code's strings into a copy of the catalogues and check that copy."""
        if shutil.which("xgettext") is None:
            if settings.CI:
                return ["xgettext not found: install GNU gettext (apt-get install gettext)"]
            self.stderr.write(
                "Skipped looking for new strings in the code: GNU gettext is not installed."
            )
            return []
        with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
            # makemessages writes next to the sources it walks, so it walks a copy of them.
            for source in SOURCE_DIRS:
                shutil.copytree(settings.BASE_DIR / source, source, ignore=COPY_IGNORED)
            with override_settings(LOCALE_PATHS=[Path(scratch) / "locale"]):
                call_command(
                    "makemessages",
                    locale=TRANSLATED_LANGUAGES,
                    no_location=True,
                    no_obsolete=True,
                    verbosity=0,
                )
            problems = []
            for language in TRANSLATED_LANGUAGES:
                po_path, _mo = catalogue_paths("locale", language)
                problems += [f"not yet in {problem}" for problem in catalogue_problems(po_path)]
            return problems
