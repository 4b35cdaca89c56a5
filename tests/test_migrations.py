"""Data migrations, run on a database that already holds releases, as production's does."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE_AVAILABILITY = ("news", "0006_newsroom_roles")
AFTER_AVAILABILITY = ("news", "0012_public_gate_indexes")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def complete(language, **texts):
    return {
        f"title_{language}": texts.get("title", f"Title {language}"),
        f"summary_{language}": texts.get("summary", "Summary."),
        f"body_{language}": texts.get("body", "<p>Body.</p>"),
    }


def test_availability_is_filled_from_texts_and_switches_of_existing_releases():
    old = migrate(BEFORE_AVAILABILITY)
    Article, Translation = old.get_model("news", "Article"), old.get_model("news", "Translation")
    category = old.get_model("news", "Category").objects.get(key="news")
    article = Article.objects.create(
        category=category,
        status="published",
        **complete("az"),
        **complete("en"),
        **complete("ru", body=""),  # Russian has no body yet
    )
    held_back = Article.objects.create(
        category=category, status="published", **complete("az"), **complete("en")
    )
    Translation.objects.create(article=held_back, language="en", ready=False)

    new = migrate(AFTER_AVAILABILITY)
    Article = new.get_model("news", "Article")
    columns = Article.objects.values_list("pk", "available_az", "available_en", "available_ru")
    filled = {pk: flags for pk, *flags in columns}
    assert filled[article.pk] == [True, True, False]
    assert filled[held_back.pk] == [True, False, False]


BEFORE_SEARCH = ("news", "0013_search_documents")
AFTER_SEARCH = ("news", "0015_search_indexes")


def test_search_documents_and_words_are_made_for_existing_releases():
    old = migrate(BEFORE_SEARCH)
    Article = old.get_model("news", "Article")
    category = old.get_model("news", "Category").objects.get(key="news")
    article = Article.objects.create(
        category=category,
        status="published",
        **complete("az", title="Dövlət Xidməti", body="<p>İşçi &amp; üç</p>"),
    )

    new = migrate(AFTER_SEARCH)
    document = new.get_model("news", "SearchDocument").objects.get(article_id=article.pk)
    assert document.text_az == " dovlet xidmeti \n summary \n isci uc "
    assert document.text_en == document.text_ru == ""
    terms = new.get_model("news", "SearchTerm").objects.filter(language="az")
    assert set(terms.values_list("term", flat=True)) == {
        "dovlet",
        "xidmeti",
        "summary",
        "isci",
        "uc",
    }
