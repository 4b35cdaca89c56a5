"""Serve the search from GIN indexes on PostgreSQL; nothing to do on other databases.

- A GIN index on each language's full-text vector and on its title's.
- Statistics on 1,000 entries for each vector (the default is 100), so that the planner knows
  how rare a word is: a rare word is read from its index, a common one by walking the public
  list newest first until a page is full.
- An index of the known words by prefix, for the typo check, whatever the database's collation.

The indexes are plain SQL because Django's ``GinIndex`` would be created on SQLite too.
"""

from django.db import migrations

LANGUAGES = ("az", "en", "ru")
TABLE = "news_searchdocument"


def _columns():
    for language in LANGUAGES:
        yield f"vector_{language}"
        yield f"title_{language}"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in _columns():
        schema_editor.execute(f"CREATE INDEX search_{column} ON {TABLE} USING gin ({column})")
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN {column} SET STATISTICS 1000")
    schema_editor.execute(
        "CREATE INDEX search_term_prefix ON news_searchterm (language, term varchar_pattern_ops)"
    )
    schema_editor.execute(f"ANALYZE {TABLE}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX search_term_prefix")
    for column in _columns():
        schema_editor.execute(f"DROP INDEX search_{column}")
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN {column} SET STATISTICS -1")


class Migration(migrations.Migration):
    dependencies = [("news", "0014_fill_search_documents")]

    operations = [migrations.RunPython(create, drop)]
