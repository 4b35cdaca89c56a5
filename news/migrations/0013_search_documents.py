"""Keep each release's words, folded, for the site search; and the words it knows, for typos.

On PostgreSQL the generated columns are full-text vectors of each language's document and of
its title; other databases leave them empty (see ``news.models.search``). The vectors are
kept in the row (``STORAGE MAIN``), and the texts out of it: a search checks thousands of
vectors and reads the texts never, and a vector fetched from TOAST costs several page reads
the planner does not count. Set before the next migration fills the table.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

import news.models.search

VECTORS = [f"{kind}_{code}" for kind in ("vector", "title") for code in ("az", "en", "ru")]


def keep_vectors_in_rows(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    storage = ", ".join(f"ALTER COLUMN {column} SET STORAGE MAIN" for column in VECTORS)
    schema_editor.execute(f"ALTER TABLE news_searchdocument {storage}")
    schema_editor.execute("ALTER TABLE news_searchdocument SET (toast_tuple_target = 512)")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0012_public_gate_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="news.article",
                    ),
                ),
                ("text_az", models.TextField(blank=True, editable=False)),
                ("text_en", models.TextField(blank=True, editable=False)),
                ("text_ru", models.TextField(blank=True, editable=False)),
                (
                    "vector_az",
                    models.GeneratedField(
                        db_persist=True,
                        expression=news.models.search.FoldedVector(
                            "text_az", "simple", title=False
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                    ),
                ),
                (
                    "vector_en",
                    models.GeneratedField(
                        db_persist=True,
                        expression=news.models.search.FoldedVector(
                            "text_en", "english", title=False
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                    ),
                ),
                (
                    "vector_ru",
                    models.GeneratedField(
                        db_persist=True,
                        expression=news.models.search.FoldedVector(
                            "text_ru", "russian", title=False
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                    ),
                ),
                (
                    "title_az",
                    models.GeneratedField(
                        db_persist=True,
                        expression=news.models.search.FoldedVector("text_az", "simple", title=True),
                        output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                    ),
                ),
                (
                    "title_en",
                    models.GeneratedField(
                        db_persist=True,
                        expression=news.models.search.FoldedVector(
                            "text_en", "english", title=True
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                    ),
                ),
                (
                    "title_ru",
                    models.GeneratedField(
                        db_persist=True,
                        expression=news.models.search.FoldedVector(
                            "text_ru", "russian", title=True
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(null=True),
                    ),
                ),
            ],
            options={
                "verbose_name": "search document",
                "verbose_name_plural": "search documents",
            },
        ),
        migrations.CreateModel(
            name="SearchTerm",
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
                        choices=[("az", "az"), ("en", "en"), ("ru", "ru")], max_length=5
                    ),
                ),
                ("term", models.CharField(max_length=100)),
            ],
            options={
                "verbose_name": "search term",
                "verbose_name_plural": "search terms",
                "constraints": [
                    models.UniqueConstraint(fields=("language", "term"), name="search_term_unique")
                ],
            },
        ),
        # Dropping the table on the way back takes its storage settings with it.
        migrations.RunPython(keep_vectors_in_rows, migrations.RunPython.noop),
    ]
