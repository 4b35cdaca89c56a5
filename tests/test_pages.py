"""What visitors see on every public page, in each of the three languages."""

import pickle
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from news.languages import LANGUAGE_CODES
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/news/",
    "/{lang}/terms/",
    "/{lang}/privacy/",
    "/{lang}/accessibility/",
]
FOOTER = {
    "az": ("İstifadəçilər üçün şərtlər", "Məxfilik siyasəti", "Əlçatanlıq bəyanatı"),
    "en": ("Terms for users", "Privacy policy", "Accessibility statement"),
    "ru": ("Условия для пользователей", "Политика конфиденциальности", "Заявление о доступности"),
}


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_pages_answer_in_their_language(client, page, language):
    response = client.get(page.format(lang=language))

    assert response.status_code == 200
    assert html_lang(response) == language
    assert response["Cache-Control"] == "public, max-age=60"
    html = response.content.decode()
    for text in FOOTER[language]:
        assert text in html
    assert f"© {timezone.now().year}" in html


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("ru", "/ru/"), ("az", "/az/"), ("de-DE", "/az/"), ("", "/az/")],
)
def test_root_redirects_to_the_visitors_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_home_lists_latest_releases_with_date_title_and_summary(client):
    old = ArticleFactory(title_en="Older release", published_at=timezone.now() - timedelta(days=9))
    new = ArticleFactory(title_en="Newer release", summary_en="What happened today.")

    html = client.get("/en/").content.decode()

    assert html.index(new.title_en) < html.index(old.title_en)
    assert "What happened today." in html
    assert f'href="{new.get_absolute_url("en")}"' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("az", "15 dekabr 2020"), ("en", "15 December 2020"), ("ru", "15 декабря 2020")],
)
def test_dates_are_written_the_way_each_language_writes_them(client, language, expected):
    # 20:30 UTC is already the next day in Baku (UTC+4): the page must show Baku's date.
    ArticleFactory(published_at=datetime(2020, 12, 14, 20, 30, tzinfo=UTC))
    html = client.get(f"/{language}/news/").content.decode()
    assert expected in html
    assert 'datetime="2020-12-15T00:30:00+0400"' in html


def test_list_is_newest_first_with_ties_broken_by_id_twenty_a_page(client):
    moment = timezone.now() - timedelta(hours=1)
    tied = [ArticleFactory(published_at=moment, title_en=f"Tied {n}") for n in range(3)]
    for n in range(20):
        ArticleFactory(published_at=moment - timedelta(days=n + 1), title_en=f"Earlier {n}")

    first = client.get("/en/news/")
    second = client.get("/en/news/?page=2")

    titles = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)<', first.content.decode())
    assert len(titles) == 20
    assert titles[:3] == ["Tied 2", "Tied 1", "Tied 0"]
    assert tied[2].pk > tied[0].pk
    assert re.findall(r'class="card__title"><a href="[^"]+">([^<]+)<', second.content.decode()) == [
        "Earlier 17",
        "Earlier 18",
        "Earlier 19",
    ]
    assert 'rel="next" href="?page=2"' in first.content.decode()


@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "1.5", "99999999999999999999"])
def test_page_past_the_end_or_not_a_number_is_404(client, page):
    ArticleFactory()
    assert client.get(f"/en/news/?page={page}").status_code == 404


def test_category_list_shows_only_that_category(client, announcements):
    notice = ArticleFactory(category=announcements, title_en="A notice")
    ArticleFactory(title_en="A news item")

    response = client.get(announcements.get_absolute_url("en"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "A notice" in html
    assert "A news item" not in html
    assert announcements.get_absolute_url("en") == "/en/news/category/announcements/"
    assert notice.category.get_absolute_url("ru") == "/ru/news/category/obyavleniya/"


def test_unknown_category_or_other_languages_slug_is_404(client):
    assert client.get("/en/news/category/nothing/").status_code == 404
    assert client.get("/en/news/category/obyavleniya/").status_code == 404


def test_article_page_shows_the_release(client):
    article = ArticleFactory(
        title_en="Meeting held",
        summary_en="The lead.",
        body_en="<p>Body <strong>text</strong>.</p>",
    )
    response = client.get(article.get_absolute_url("en"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 lang="en">Meeting held</h1>' in html
    assert "The lead." in html
    assert "<p>Body <strong>text</strong>.</p>" in html
    assert (
        f'<link rel="canonical" href="http://testserver{article.get_absolute_url("en")}">' in html
    )


@pytest.mark.parametrize(
    "path", ["/en/news/{pk}/", "/en/news/{pk}/wrong-slug/", "/en/news/{pk}/{az_slug}/"]
)
def test_wrong_or_missing_slug_redirects_permanently_to_the_canonical_url(client, path):
    # A number of five digits: four could name a year of the archive (see test_archives).
    article = ArticleFactory(id=54321, title_en="Canonical title", title_az="Kanonik başlıq")
    response = client.get(path.format(pk=article.pk, az_slug=article.slug_az))
    assert response.status_code == 301
    assert response["Location"] == "/en/news/54321/canonical-title/"


def test_unknown_article_is_404(client):
    assert client.get("/en/news/999999/anything/").status_code == 404
    assert client.get("/en/news/abc/").status_code == 404


def test_language_switcher_leads_to_the_same_release_where_it_exists(client):
    article = ArticleFactory(without_russian=True)
    html = client.get(article.get_absolute_url("en")).content.decode()

    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert f'href="{article.get_absolute_url("az")}" lang="az"' in switcher
    assert (
        f'href="{article.get_absolute_url("en")}" lang="en" hreflang="en" aria-current="true"'
        in switcher
    )
    # No Russian version: the switcher stays on the release, which explains itself there,
    # addressed by the original's slug.
    assert f'href="/ru/news/{article.pk}/{article.slug_az}/" lang="ru"' in switcher
    assert client.get(f"/ru/news/{article.pk}/{article.slug_az}/").status_code == 200


def test_language_switcher_keeps_the_page_on_lists_and_categories(client, announcements):
    html = client.get("/az/news/").content.decode()
    assert 'href="/en/news/" lang="en"' in html
    assert 'href="/ru/news/" lang="ru"' in html
    assert 'href="/az/news/" lang="az" hreflang="az" aria-current="true"' in html

    html = client.get(announcements.get_absolute_url("az")).content.decode()
    assert 'href="/ru/news/category/obyavleniya/" lang="ru"' in html


def test_not_found_page_is_in_the_visitors_language_with_a_working_switcher(client):
    response = client.get("/ru/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert html_lang(response) == "ru"
    assert 'href="/en/" lang="en"' in html


def test_health_and_robots_live_outside_the_language_prefix(client):
    assert client.get("/healthz").json()["status"] == "ok"
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in robots.content.decode()


def test_staff_get_public_pages_uncached_to_see_their_changes_at_once(admin_client):
    response = admin_client.get("/en/news/")
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_release_renamed_is_given_its_new_address_at_once(article_factory):
    article = article_factory(title_en="First headline", slug_en="first-headline")
    assert article.get_absolute_url("en").endswith("/first-headline/")
    article.slug_en = "second-headline"
    assert article.get_absolute_url("en").endswith("/second-headline/")
    copy = pickle.loads(pickle.dumps(article))
    assert "_urls" not in copy.__dict__
    assert copy.get_absolute_url("en") == article.get_absolute_url("en")
