"""The sitemap and robots.txt: every public page in every language it has, nothing else."""

from xml.etree import ElementTree

import pytest
from django.utils import timezone

from news.sitemaps import ReleaseSitemap
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def urls(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ElementTree.fromstring(response.content).findall("s:url", NS)


def entries(client, url):
    """Return {address: {hreflang: alternate}} of a sitemap page."""
    return {
        entry.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)
        }
        for entry in urls(client, url)
    }


def absolute(path):
    return f"http://testserver{path}"


def test_the_index_names_each_part(client):
    ArticleFactory()
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    parts = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    assert parts == [
        "http://testserver/sitemap-releases.xml",
        "http://testserver/sitemap-pages.xml",
    ]


def test_releases_are_listed_in_every_language_they_are_public_in(client):
    full = ArticleFactory()
    partial = ArticleFactory(without_russian=True)
    held_back = ArticleFactory()
    held_back.set_translation_ready("en", False)
    hidden = [
        ArticleFactory(draft=True),
        ArticleFactory(scheduled=True),
        ArticleFactory(withdrawn=True),
        ArticleFactory(in_trash=True),
    ]

    found = entries(client, "/sitemap-releases.xml")

    expected = {
        absolute(article.get_absolute_url(code))
        for article, languages in [
            (full, "az en ru"),
            (partial, "az en"),
            (held_back, "az ru"),
        ]
        for code in languages.split()
    }
    assert set(found) == expected
    for article in hidden:
        assert not any(f"/news/{article.pk}/" in address for address in found)
    lastmods = {
        entry.find("s:loc", NS).text: entry.find("s:lastmod", NS).text
        for entry in urls(client, "/sitemap-releases.xml")
    }
    updated = timezone.localtime(full.updated_at)
    assert lastmods[absolute(full.get_absolute_url("ru"))] == f"{updated:%Y-%m-%d}"
    assert found[absolute(partial.get_absolute_url("en"))] == {
        "az": absolute(partial.get_absolute_url("az")),
        "en": absolute(partial.get_absolute_url("en")),
        "x-default": absolute(partial.get_absolute_url("az")),
    }


def test_a_long_archive_is_split_into_pages_the_index_lists(client, monkeypatch):
    monkeypatch.setattr(ReleaseSitemap, "limit", 4)
    ArticleFactory.create_batch(3)  # nine addresses: three pages

    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    parts = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    assert "http://testserver/sitemap-releases.xml?p=3" in parts
    assert len(entries(client, "/sitemap-releases.xml?p=3")) == 1
    assert client.get("/sitemap-releases.xml?p=4").status_code == 404
    assert client.get("/sitemap-releases.xml?p=x").status_code == 404


def test_the_pages_part_lists_home_lists_archive_categories_and_fixed_pages(client):
    found = entries(client, "/sitemap-pages.xml")
    for code in ("az", "en", "ru"):
        for path in ("/", "/news/", "/news/archive/", "/terms/", "/privacy/", "/accessibility/"):
            assert absolute(f"/{code}{path}") in found
    assert absolute("/ru/news/category/obyavleniya/") in found
    assert found[absolute("/en/")]["x-default"] == absolute("/az/")


def test_robots_names_the_sitemap_and_keeps_crawlers_out(client):
    robots = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    for rule in ("Disallow: /admin/", "Disallow: /*/preview/", "Disallow: /en/search/"):
        assert rule in robots
