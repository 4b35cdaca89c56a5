"""Data migrations, run on a database that already holds releases, as production's does.

Each test ends with the database migrated to its latest state again.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from news.models import Article, ArticleEvent, Category

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BAKU = ZoneInfo("Asia/Baku")

BEFORE_REPAIRS = ("news", "0006_newsroom_roles")
BEFORE_AVAILABILITY = ("news", "0008_text_limits_release_dates_and_category_addresses")


def migrate(target=None):
    """Migrate the news app to ``target``, or to its latest migration; return its models."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    target = target or executor.loader.graph.leaf_nodes("news")[0]
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

    new = migrate()
    Article = new.get_model("news", "Article")
    columns = Article.objects.values_list("pk", "available_az", "available_en", "available_ru")
    filled = {pk: flags for pk, *flags in columns}
    assert filled[article.pk] == [True, True, False]
    assert filled[held_back.pk] == [True, False, False]


def test_migration_0007_repairs_what_the_constraints_refuse(client, time_machine):
    time_machine.move_to(datetime(2025, 6, 4, 12, 0, tzinfo=BAKU), tick=False)
    old = migrate(BEFORE_REPAIRS)
    OldArticle, OldCategory = old.get_model("news", "Article"), old.get_model("news", "Category")
    news = OldCategory.objects.get(key="news")
    OldCategory.objects.filter(pk=news.pk).update(slug_en="", name_ru="")
    OldCategory.objects.filter(key="announcements").update(slug_ru=news.slug_ru)
    fields = {
        "category_id": news.pk,
        "title_az": "Başlıq",
        "summary_az": "Qısa.",
        "lock_version": 0,
    }
    ancient = OldArticle.objects.create(
        **fields, status="published", published_at=datetime(1, 1, 1, tzinfo=UTC)
    )
    future = OldArticle.objects.create(
        **fields, status="draft", published_at=datetime(2500, 1, 1, tzinfo=UTC)
    )
    fields["summary_az"] = "Zəng\x07 " + "x" * 3000
    long = OldArticle.objects.create(**fields, status="draft", published_at=timezone.now())

    migrate()

    ancient, future, long = (Article.objects.get(pk=a.pk) for a in (ancient, future, long))
    assert (ancient.status, ancient.published_at) == ("draft", datetime(1990, 1, 1, tzinfo=BAKU))
    assert future.status == "draft"
    assert future.published_at == datetime(2125, 6, 4, 12, 0, tzinfo=BAKU)
    (event,) = ArticleEvent.objects.filter(article=ancient)
    assert event.action == "unpublished"
    assert event.remark.startswith("published_at 0001-01-01")
    assert long.summary_az == ("Zəng " + "x" * 3000)[:2000]
    assert ArticleEvent.objects.get(article=long).remark.endswith("summary_az")
    news = Category.objects.get(key="news")
    assert (news.slug_en, news.name_ru) == ("news", news.name_az)
    assert Category.objects.get(key="announcements").slug_ru == f"{news.slug_ru}-2"
    assert client.get("/en/").status_code == 200
    assert client.get("/ru/").status_code == 200


BEFORE_SEARCH = ("news", "0013_search_documents")


def test_search_documents_and_words_are_made_for_existing_releases():
    old = migrate(BEFORE_SEARCH)
    Article = old.get_model("news", "Article")
    category = old.get_model("news", "Category").objects.get(key="news")
    article = Article.objects.create(
        category=category,
        status="published",
        **complete("az", title="Dövlət Xidməti", body="<p>İşçi &amp; üç</p>"),
    )

    new = migrate()
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
