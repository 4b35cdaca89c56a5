"""Fill the availability columns from the texts and the translators' switches.

As Article.availability() computes them: a language version may be shown when it has a title,
a summary and a body and its translator has not held it back. A migration of its own, so that
on PostgreSQL the rows it updates are committed before the next one builds indexes on them.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef, Q

LANGUAGES = ("az", "en", "ru")


def fill_availability(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    Translation = apps.get_model("news", "Translation")
    for language in LANGUAGES:
        held_back = Translation.objects.filter(
            article=OuterRef("pk"), language=language, ready=False
        )
        complete = Q(
            **{
                f"title_{language}__gt": "",
                f"summary_{language}__gt": "",
                f"body_{language}__gt": "",
            }
        )
        Article.objects.filter(complete).exclude(Exists(held_back)).update(
            **{f"available_{language}": True}
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0010_availability_columns")]

    operations = [migrations.RunPython(fill_availability, migrations.RunPython.noop)]
