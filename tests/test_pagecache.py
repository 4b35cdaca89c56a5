"""The page cache: pages kept for anonymous visitors, dropped at once when the content changes."""

import gzip
from datetime import timedelta

import brotli
import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from migration_portal.bursts import Burst
from news.models import Article, Category
from news.pagecache import generation
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_pages(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.KEEP_DERIVED_CONTENT = True
    cache.clear()
    yield
    cache.clear()


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    queries_made = [q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    return response, len(queries_made)


def test_a_second_visit_is_served_from_the_cache_without_the_database(client):
    article = ArticleFactory(title_en="Kept in the cache")
    first, first_queries = get(client, "/en/news/")
    second, second_queries = get(client, "/en/news/")

    assert first_queries > 0
    assert second_queries == 0
    assert second.status_code == 200
    assert second.content == first.content
    assert article.title_en in second.content.decode()
    assert second["ETag"] == first["ETag"]
    assert second["Last-Modified"] == first["Last-Modified"]
    assert "public" in second["Cache-Control"]


def test_pages_are_kept_per_language_and_per_query(client):
    ArticleFactory.create_batch(25, title_en="English title", title_ru="Русский заголовок")
    english, _ = get(client, "/en/news/")
    russian, _ = get(client, "/ru/news/")
    second_page, _ = get(client, "/en/news/?page=2")

    assert "English title" in english.content.decode()
    assert "Русский заголовок" in russian.content.decode()
    assert second_page.content != english.content


@pytest.mark.parametrize(
    ("accept", "encoding", "decode"),
    [
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("br;q=0, gzip;q=0.8", "gzip", gzip.decompress),
        ("identity", None, bytes),
    ],
)
def test_kept_pages_are_compressed_as_the_client_accepts(client, accept, encoding, decode):
    ArticleFactory.create_batch(5)
    plain, _ = get(client, "/en/news/")
    for _visit in range(2):  # rendered, then from the cache
        response, _ = get(client, "/en/news/", accept_encoding=accept)
        assert response.get("Content-Encoding") == encoding
        assert "Accept-Encoding" in response["Vary"]
        assert decode(response.content) == plain.content
        assert int(response["Content-Length"]) == len(response.content)


def test_a_client_with_the_page_gets_304(client):
    ArticleFactory()
    first, _ = get(client, "/en/news/")

    by_tag, queries = get(client, "/en/news/", if_none_match=first["ETag"])
    by_date, _ = get(client, "/en/news/", if_modified_since=first["Last-Modified"])
    stale, _ = get(client, "/en/news/", if_none_match='W/"something-else"')

    assert by_tag.status_code == 304
    assert queries == 0
    assert by_date.status_code == 304
    assert stale.status_code == 200


def test_signed_in_staff_always_get_a_fresh_page(client, admin_client):
    ArticleFactory()
    get(client, "/en/news/")
    response, queries = get(admin_client, "/en/news/")

    assert queries > 0
    assert "private" in response["Cache-Control"]
    # What staff were shown is not what the next visitor gets.
    visitor, visitor_queries = get(Client(), "/en/news/")
    assert visitor_queries == 0
    assert "public" in visitor["Cache-Control"]


def test_previews_and_the_admin_are_never_kept(admin_client):
    draft = ArticleFactory(draft=True, title_en="Draft under review")
    preview = admin_client.get(draft.get_preview_url("en"))
    assert preview["Cache-Control"] == "private, no-store"
    # The same address asked by a visitor is not found, from the cache or otherwise.
    assert Client().get(draft.get_preview_url("en")).status_code == 404
    assert Client().get(reverse("admin:index")).status_code == 302


def listed(url, title):
    return title in Client().get(url).content.decode()


def test_publishing_shows_the_release_at_once(committed):
    draft = ArticleFactory(draft=True, title_en="Published just now")
    assert not listed("/en/news/", draft.title_en)

    def publish():
        draft.status = Article.Status.PUBLISHED
        draft.save()

    committed(publish)
    assert listed("/en/news/", draft.title_en)
    assert Client().get(draft.get_absolute_url("en")).status_code == 200


def test_withdrawing_and_restoring_are_seen_at_once(committed):
    article = ArticleFactory(title_en="Soon withdrawn")
    assert listed("/en/news/", article.title_en)

    def withdraw():
        article.status = Article.Status.WITHDRAWN
        article.withdrawn_at = timezone.now()
        article.save()

    committed(withdraw)
    assert not listed("/en/news/", article.title_en)

    def restore():
        article.status = Article.Status.PUBLISHED
        article.save()

    committed(restore)
    assert listed("/en/news/", article.title_en)


def test_a_translation_completed_or_held_back_is_seen_at_once(committed):
    article = ArticleFactory(without_russian=True, title_en="Translated later")
    assert not listed("/ru/news/", "Переведено позже")

    def translate():
        article.title_ru = "Переведено позже"
        article.summary_ru = "Кратко."
        article.body_ru = "<p>Текст.</p>"
        article.save()

    committed(translate)
    assert listed("/ru/news/", "Переведено позже")

    committed(lambda: article.set_translation_ready("ru", False))
    assert not listed("/ru/news/", "Переведено позже")
    assert listed("/en/news/", article.title_en)


def test_a_renamed_category_is_seen_at_once_in_every_page(committed):
    ArticleFactory()
    assert not listed("/en/", "Press statements")

    def rename():
        category = Category.objects.get(key="announcements")
        category.name_en = "Press statements"
        category.save()

    committed(rename)
    assert listed("/en/", "Press statements")


def test_the_trash_and_recovery_are_seen_at_once(admin_client, committed):
    article = ArticleFactory(title_en="Thrown away")
    assert listed("/en/news/", article.title_en)
    changelist = reverse("admin:news_article_changelist")

    committed(
        lambda: admin_client.post(
            changelist, {"action": "move_to_trash", "_selected_action": [article.pk]}
        )
    )
    assert not listed("/en/news/", article.title_en)
    assert Client().get(article.get_absolute_url("en")).status_code == 404

    committed(
        lambda: admin_client.post(
            f"{changelist}?trash=yes",
            {"action": "recover_from_trash", "_selected_action": [article.pk]},
        )
    )
    assert listed("/en/news/", article.title_en)


def test_a_scheduled_release_appears_at_its_time_with_nothing_run(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    ArticleFactory(title_en="Already out")
    scheduled = ArticleFactory(
        title_en="Out at noon", published_at=timezone.now() + timedelta(minutes=30)
    )
    assert not listed("/en/news/", scheduled.title_en)
    assert listed("/en/news/", "Already out")  # kept in the cache from here on

    time_machine.shift(timedelta(minutes=29))
    assert not listed("/en/news/", scheduled.title_en)
    time_machine.shift(timedelta(minutes=1))
    assert listed("/en/news/", scheduled.title_en)


# A real Redis client, pointed at a port where nothing listens.
UNREACHABLE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.2},
    }
}


def test_pages_are_still_served_when_the_cache_does_not_answer(client, caplog, monkeypatch):
    ArticleFactory(title_en="Served without a cache")
    monkeypatch.setattr(generation, "cache_outage", Burst())
    with override_settings(CACHES=UNREACHABLE_CACHE):
        for _visit in range(3):
            response = client.get("/en/news/")
            assert response.status_code == 200
            assert "Served without a cache" in response.content.decode()
    # Said once, not once per request.
    assert caplog.text.count("The cache did not answer") == 1


def test_pages_that_are_not_kept_are_compressed_too(admin_client):
    ArticleFactory(title_en="In the admin list")
    url = reverse("admin:news_article_changelist")
    plain = admin_client.get(url)
    zipped = admin_client.get(url, headers={"accept-encoding": "gzip, br"})
    refused = admin_client.get(url, headers={"accept-encoding": "gzip;q=0"})

    # Made per request, so the quicker of the two.
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content).decode().count("In the admin list") == (
        plain.content.decode().count("In the admin list")
    )
    assert "Content-Encoding" not in refused


def test_a_page_rendered_afresh_reuses_the_kept_count_and_navigation(client, settings, committed):
    settings.PAGE_CACHE_SECONDS = 0
    ArticleFactory.create_batch(20)
    get(client, "/en/news/")
    response, queries = get(client, "/en/news/")

    # Only the page's own twenty rows are read, their lead photographs with them; count and
    # categories were kept.
    assert queries == 1
    assert "Page 1 of 2" not in response.content.decode()

    committed(lambda: ArticleFactory(title_en="The twenty-first"))
    response, _ = get(client, "/en/news/")
    assert "The twenty-first" in response.content.decode()
    assert "Page 1 of 2" in response.content.decode()
