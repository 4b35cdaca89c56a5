"""Give releases an original language and their translations a record of what they came from.

Existing translations are taken to match their original as it stands today, so that only
later changes to the original mark them outdated.
"""

import hashlib
import json

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

LANGUAGES = ("az", "en", "ru")
SOURCE_FIELDS = ("title", "summary", "body")


def texts(article, language):
    return tuple(getattr(article, f"{field}_{language}") or "" for field in SOURCE_FIELDS)


def record_existing_translations(apps, schema_editor):
    # A frozen copy of Article.digest_of() and record_translation_source() as they are today.
    Article = apps.get_model("news", "Article")
    Translation = apps.get_model("news", "Translation")
    for article in Article.objects.iterator():
        title, summary, body = source = texts(article, article.original_language)
        digest = hashlib.sha256(json.dumps(source, ensure_ascii=False).encode()).hexdigest()
        Article.objects.filter(pk=article.pk).update(source_digest=digest)
        for language in LANGUAGES:
            if language != article.original_language and any(texts(article, language)):
                Translation.objects.update_or_create(
                    article=article,
                    language=language,
                    defaults={
                        "source_title": title,
                        "source_summary": summary,
                        "source_body": body,
                        "source_digest": digest,
                    },
                )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_press_centre_categories"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Translation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[("az", "Azerbaijani"), ("en", "English"), ("ru", "Russian")],
                        max_length=5,
                        verbose_name="language",
                    ),
                ),
                (
                    "ready",
                    models.BooleanField(
                        default=True,
                        help_text="Untick while the translation is still in progress: visitors do not see this language version until it is ticked again.",
                        verbose_name="ready for visitors",
                    ),
                ),
                (
                    "source_title",
                    models.CharField(blank=True, max_length=255, verbose_name="original title"),
                ),
                ("source_summary", models.TextField(blank=True, verbose_name="original summary")),
                ("source_body", models.TextField(blank=True, verbose_name="original body")),
                ("source_digest", models.CharField(blank=True, max_length=64)),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
            ],
            options={
                "verbose_name": "translation",
                "verbose_name_plural": "translations",
            },
        ),
        migrations.AddField(
            model_name="article",
            name="original_language",
            field=models.CharField(
                choices=[("az", "Azerbaijani"), ("en", "English"), ("ru", "Russian")],
                default="az",
                help_text="The language the release is written in. Other languages are translations of it and are flagged as outdated when it changes.",
                max_length=5,
                verbose_name="original language",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="source_digest",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(("original_language__in", ("az", "en", "ru"))),
                name="article_original_language_known",
            ),
        ),
        migrations.AddField(
            model_name="translation",
            name="article",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="translations",
                to="news.article",
                verbose_name="release",
            ),
        ),
        migrations.AddConstraint(
            model_name="translation",
            constraint=models.UniqueConstraint(
                fields=("article", "language"), name="translation_one_per_language"
            ),
        ),
        migrations.AddConstraint(
            model_name="translation",
            constraint=models.CheckConstraint(
                condition=models.Q(("language__in", ("az", "en", "ru"))),
                name="translation_language_known",
            ),
        ),
        migrations.RunPython(record_existing_translations, migrations.RunPython.noop),
    ]
