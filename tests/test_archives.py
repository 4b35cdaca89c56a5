"""The archive: releases by year and month in Baku time, an index with counts, 404 for the rest."""

from datetime import UTC, datetime

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def at(year, month, day=15, hour=10):
    return datetime(year, month, day, hour, tzinfo=UTC)


@pytest.fixture
def archive():
    return {
        "december": ArticleFactory(title_en="December release", published_at=at(2020, 12, 10)),
        # 22:30 UTC on New Year's Eve is already 1 January in Baku.
        "new_year": ArticleFactory(
            title_en="New Year release", published_at=at(2020, 12, 31, hour=22)
        ),
        "march": ArticleFactory(title_en="March release", published_at=at(2021, 3, 4)),
        "draft": ArticleFactory(draft=True, title_en="Draft release", published_at=at(2020, 12, 9)),
        "russian_missing": ArticleFactory(
            without_russian=True, title_en="English only", published_at=at(2019, 5, 5)
        ),
    }


def text(response):
    return response.content.decode()


def test_a_year_lists_its_releases_with_its_months(client, archive):
    response = client.get("/en/news/2020/")

    html = text(response)
    assert response.status_code == 200
    assert "<h1>Releases of 2020</h1>" in html
    assert "December release" in html
    assert "New Year release" not in html  # 2021 in Baku
    assert "Draft release" not in html
    assert 'href="/en/news/2020/12/">December</a> <span class="count">(1)</span>' in html


def test_a_month_lists_its_releases_in_baku_time(client, archive):
    january = text(client.get("/en/news/2021/01/"))
    december = text(client.get("/en/news/2020/12/"))

    assert "<h1>January 2021</h1>" in january
    assert "New Year release" in january
    assert "December release" not in january
    assert "December release" in december


@pytest.mark.parametrize(
    ("language", "heading"),
    [("az", "Dekabr 2020"), ("en", "December 2020"), ("ru", "Декабрь 2020")],
)
def test_month_names_are_written_as_each_language_writes_them(client, archive, language, heading):
    assert f"<h1>{heading}</h1>" in text(client.get(f"/{language}/news/2020/12/"))


def test_the_index_counts_what_each_language_shows(client, archive):
    english = text(client.get("/en/news/archive/"))
    russian = text(client.get("/ru/news/archive/"))

    assert 'href="/en/news/2021/">2021</a> <span class="count">(2 releases)</span>' in english
    assert 'href="/en/news/2020/">2020</a> <span class="count">(1 release)</span>' in english
    assert 'href="/en/news/2019/05/">May</a>' in english
    # The English-only release is not counted in Russian, and its year is not offered.
    assert 'href="/ru/news/2019/"' not in russian
    assert 'href="/ru/news/2021/03/"' in russian


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/2020/13/",
        "/en/news/2020/00/",
        "/en/news/2020/1/",
        "/en/news/0000/",
        "/en/news/2018/",  # a year without releases
        "/en/news/2020/11/",  # a month without releases
        "/ru/news/2019/",  # releases, but none in Russian
        "/en/news/2020/12/?page=2",
    ],
)
def test_periods_that_are_not_in_the_archive_are_not_found(client, archive, path):
    assert client.get(path).status_code == 404


def test_the_language_switcher_keeps_the_period_where_it_exists(client, archive):
    html = text(client.get("/en/news/2019/05/"))
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]

    assert 'href="/az/news/2019/05/"' in switcher
    # Nothing of May 2019 in Russian: the Russian archive's index instead of a dead end.
    assert 'href="/ru/news/archive/"' in switcher


def test_four_digits_that_name_no_year_are_a_release_s_short_address(client, archive):
    article = ArticleFactory(id=1234)
    response = client.get("/en/news/1234/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("en")
    # A year of the archive wins over a release of the same number.
    ArticleFactory(id=2020)
    assert client.get("/en/news/2020/").status_code == 200


def test_release_addresses_always_carry_a_slug_so_years_never_hide_them(archive):
    for article in archive.values():
        for language in ("az", "en", "ru"):
            assert article.get_absolute_url(language).count("/") == 5
