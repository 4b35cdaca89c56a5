"""Keep, per language, whether a release's version may be shown, and index the public lists on it.

The columns are filled here from the texts and the translators' switches, as
Article.availability() computes them; from then on every save keeps them in step.
"""

from django.conf import settings
from django.db import migrations, models
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
    dependencies = [
        ("news", "0006_newsroom_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="article",
            name="article_public_category",
        ),
        migrations.AddField(
            model_name="article",
            name="available_az",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="available_en",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="available_ru",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(fill_availability, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["-published_at", "-id"], name="article_newest_first"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(
                    ("available_az", True), ("deleted_at__isnull", True), ("status", "published")
                ),
                fields=["-published_at", "-id"],
                name="article_visible_az",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(
                    ("available_az", True), ("deleted_at__isnull", True), ("status", "published")
                ),
                fields=["category", "-published_at", "-id"],
                name="article_visible_az_category",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(
                    ("available_en", True), ("deleted_at__isnull", True), ("status", "published")
                ),
                fields=["-published_at", "-id"],
                name="article_visible_en",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(
                    ("available_en", True), ("deleted_at__isnull", True), ("status", "published")
                ),
                fields=["category", "-published_at", "-id"],
                name="article_visible_en_category",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(
                    ("available_ru", True), ("deleted_at__isnull", True), ("status", "published")
                ),
                fields=["-published_at", "-id"],
                name="article_visible_ru",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(
                    ("available_ru", True), ("deleted_at__isnull", True), ("status", "published")
                ),
                fields=["category", "-published_at", "-id"],
                name="article_visible_ru_category",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("available_az", False),
                    models.Q(
                        models.Q(("title_az__gt", "")),
                        models.Q(("summary_az__gt", "")),
                        models.Q(("body_az__gt", "")),
                    ),
                    _connector="OR",
                ),
                name="article_available_az_complete",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("available_en", False),
                    models.Q(
                        models.Q(("title_en__gt", "")),
                        models.Q(("summary_en__gt", "")),
                        models.Q(("body_en__gt", "")),
                    ),
                    _connector="OR",
                ),
                name="article_available_en_complete",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("available_ru", False),
                    models.Q(
                        models.Q(("title_ru__gt", "")),
                        models.Q(("summary_ru__gt", "")),
                        models.Q(("body_ru__gt", "")),
                    ),
                    _connector="OR",
                ),
                name="article_available_ru_complete",
            ),
        ),
    ]
