"""Index the public lists of each language on the availability columns; check they never lie."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("news", "0011_fill_availability")]

    operations = [
        migrations.RemoveIndex(
            model_name="article",
            name="article_public_list",
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("deleted_at__isnull", True)),
                fields=["-published_at", "-id"],
                name="article_newest_first",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("deleted_at__isnull", True)),
                fields=["status", "-published_at", "-id"],
                name="article_public_list",
            ),
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
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("available_az", False), ("deleted_at__isnull", True)),
                fields=["-published_at", "-id"],
                name="article_unavailable_az",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("available_en", False), ("deleted_at__isnull", True)),
                fields=["-published_at", "-id"],
                name="article_unavailable_en",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("available_ru", False), ("deleted_at__isnull", True)),
                fields=["-published_at", "-id"],
                name="article_unavailable_ru",
            ),
        ),
        migrations.AddIndex(
            model_name="translation",
            index=models.Index(
                condition=models.Q(("ready", False)),
                fields=["article", "language"],
                name="translation_held_back",
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
