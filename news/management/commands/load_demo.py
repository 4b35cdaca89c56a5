"""Load the demo releases that ship with the project, so a new checkout shows a real newsroom.

Safe to run again: the releases are matched on their legacy_id and only changes are written.
Their pictures are drawn on the first run (news/demo/photographs.py) and reused after that.

In development (DEBUG on) it also makes a demo press officer, a publisher, and prints a fresh
password for it on every run, so a newcomer can sign in at once. With DEBUG off that account
is never made: a printed password has no place on a real site.
"""

import argparse
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from news.demo.photographs import illustrate

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "releases.json"
DEMO_EDITOR = "demo-editor"
# Made by a data migration: reviews, publishes, schedules and withdraws releases.
DEMO_EDITOR_GROUP = "Publishers"


class Command(BaseCommand):
    help = "Load (or refresh) the demo press releases and their pictures."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would change without writing"
        )
        parser.add_argument(
            "--demo-editor",
            action=argparse.BooleanOptionalAction,
            default=None,
            help=f"make the account {DEMO_EDITOR!r} and print its new password "
            "(the default when DEBUG is on; refused when it is off)",
        )

    def handle(self, *args, dry_run, verbosity, demo_editor, **options):
        if demo_editor and not settings.DEBUG:
            raise CommandError(f"Refused to make {DEMO_EDITOR!r}: DEBUG is off, as on a real site.")
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
        if demo_editor is None:
            demo_editor = settings.DEBUG
        if not demo_editor:
            if verbosity >= 2:
                self.stdout.write(f"Made no {DEMO_EDITOR!r} account.")
        elif dry_run:
            self.stdout.write(f"Would make {DEMO_EDITOR!r} and print its new password.")
        else:
            password = self.make_demo_editor()
            self.stdout.write(
                f"Sign in at /admin/ as {DEMO_EDITOR!r} with the password {password!r} "
                "(new on every run)."
            )

    @transaction.atomic
    def make_demo_editor(self):
        """Make or refresh the demo press officer; return its new password."""
        user, _created = get_user_model().objects.get_or_create(
            username=DEMO_EDITOR,
            defaults={"first_name": "Demo", "last_name": "Editor", "is_staff": True},
        )
        password = secrets.token_urlsafe(12)
        user.is_staff = user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=DEMO_EDITOR_GROUP))
        return password
