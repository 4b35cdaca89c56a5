"""Fill the search documents and the known words from the releases already written.

Built as ``news.search.index`` builds them on every save, from the pure functions of
``news.search.documents`` (``manage.py rebuild_search_index`` redoes it whenever the folding
changes). A migration of its own, so that on PostgreSQL the rows are committed before the next
one indexes them.
"""

from django.db import migrations

from news.search.documents import PARTS, document, document_words

LANGUAGES = ("az", "en", "ru")
BATCH = 500
TERM_MAX_LENGTH = 100


def fill(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    SearchDocument = apps.get_model("news", "SearchDocument")
    SearchTerm = apps.get_model("news", "SearchTerm")
    texts = [f"{part}_{language}" for part in PARTS for language in LANGUAGES]
    rows = Article.objects.order_by("pk").values_list("pk", *texts)
    for offset in range(0, rows.count(), BATCH):
        documents, terms = [], set()
        for pk, *values in rows[offset : offset + BATCH]:
            fields = dict(zip(texts, values, strict=True))
            folded = {
                # Translated columns hold NULL where a language was never written.
                language: document(*(fields[f"{part}_{language}"] or "" for part in PARTS))
                for language in LANGUAGES
            }
            documents.append(
                SearchDocument(
                    article_id=pk, **{f"text_{code}": text for code, text in folded.items()}
                )
            )
            terms |= {
                (language, term)
                for language, text in folded.items()
                for term in document_words(text)
                if len(term) <= TERM_MAX_LENGTH
            }
        SearchDocument.objects.bulk_create(documents)
        SearchTerm.objects.bulk_create(
            [SearchTerm(language=language, term=term) for language, term in sorted(terms)],
            ignore_conflicts=True,
        )


def empty(apps, schema_editor):
    apps.get_model("news", "SearchDocument").objects.all().delete()
    apps.get_model("news", "SearchTerm").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0013_search_documents")]

    operations = [migrations.RunPython(fill, empty)]
