"""Parts of public pages kept under the content state: as fresh as the pages the cache keeps."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from news.models import Article, ArticleImage
from tests.factories import ArticleFactory, ImageFactory, show

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_pages_afresh(settings):
    # No page is kept whole: every request renders, and may reuse only the kept parts.
    settings.PAGE_CACHE_SECONDS = 0
    settings.KEEP_DERIVED_CONTENT = True
    cache.clear()
    yield
    cache.clear()


def render(url, client=None):
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(url)
    made = [q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    return response, len(made)


def kept_fragments():
    return [key for key in cache._cache if ":fragment:" in key]


@pytest.fixture
def release():
    article = ArticleFactory(title_en="Kept release")
    ArticleFactory(category=article.category, title_en="Its neighbour")
    show(article, ImageFactory())
    show(article, ImageFactory(), ArticleImage.Place.GALLERY)
    return article


def test_a_release_rendered_again_reads_nothing_and_shows_the_same(release):
    url = release.get_absolute_url("en")
    first, first_queries = render(url)
    again, queries = render(url)

    assert first_queries > 0
    assert queries == 0
    assert again.content == first.content
    assert "Its neighbour" in again.content.decode()


def test_each_language_has_its_own_parts(release):
    render(release.get_absolute_url("en"))
    russian, queries = render(release.get_absolute_url("ru"))

    assert queries > 0
    assert '<html lang="ru">' in russian.content.decode()
    assert release.title_ru in russian.content.decode()


def test_an_edit_is_seen_at_once(release, committed):
    url = release.get_absolute_url("en")
    render(url)

    def edit():
        release.title_en = "Corrected title"
        release.save()

    committed(edit)
    page = render(url)[0].content.decode()
    assert "Corrected title" in page
    assert "Kept release" not in page


def test_a_neighbour_published_or_withdrawn_is_seen_at_once(release, committed):
    url = release.get_absolute_url("en")
    render(url)
    newcomer = ArticleFactory(draft=True, category=release.category, title_en="Newcomer")

    def publish():
        newcomer.status = Article.Status.PUBLISHED
        newcomer.save()

    committed(publish)
    assert "Newcomer" in render(url)[0].content.decode()

    def unpublish():
        release.status = Article.Status.DRAFT
        release.save()

    committed(unpublish)
    assert render(url)[0].status_code == 404


def test_a_change_without_the_signals_is_not_seen_while_kept(release):
    # The proof that a part is kept at all: only ending the state shows this one.
    url = release.get_absolute_url("en")
    render(url)
    Article.objects.filter(pk=release.pk).update(title_en="Changed behind its back")

    assert "Kept release" in render(url)[0].content.decode()


def test_a_preview_neither_uses_nor_keeps_a_part(release, admin_client):
    render(release.get_absolute_url("en"))
    Article.objects.filter(pk=release.pk).update(title_en="Not yet public")
    kept = set(kept_fragments())

    preview = render(release.get_preview_url("en"), admin_client)[0]

    assert "Not yet public" in preview.content.decode()
    assert "Kept release" not in preview.content.decode()
    assert set(kept_fragments()) == kept


def test_a_draft_preview_keeps_nothing(admin_client):
    draft = ArticleFactory(draft=True, title_en="Secret draft")

    assert "Secret draft" in render(draft.get_preview_url("en"), admin_client)[0].content.decode()
    assert kept_fragments() == []
    assert not [value for value in cache._cache.values() if b"Secret draft" in value]


def test_nothing_is_kept_when_derived_content_is_not(release, settings):
    settings.KEEP_DERIVED_CONTENT = False
    url = release.get_absolute_url("en")
    _, first_queries = render(url)
    Article.objects.filter(pk=release.pk).update(title_en="Seen at once")
    page, queries = render(url)

    assert queries == first_queries
    assert "Seen at once" in page.content.decode()
    assert kept_fragments() == []


def test_a_release_that_is_not_there_leaves_nothing_in_the_cache(client):
    for pk in range(900_001, 900_021):
        assert client.get(f"/en/news/{pk}/made-up/").status_code == 404
    assert not [key for key in cache._cache if ":release:" in key]
