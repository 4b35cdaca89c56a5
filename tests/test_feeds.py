"""Atom and RSS feeds per language and category: well formed, complete, and through the gate."""

from datetime import timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from news.images.storage import file_storage
from news.models import Category
from tests.factories import ArticleFactory, ImageFactory, show

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["/{lang}/feed/atom/", "/{lang}/feed/rss/"]


@pytest.fixture
def releases():
    return {
        "public": ArticleFactory(title_en="Public release", summary_en="What happened."),
        "announcement": ArticleFactory(
            title_en="An announcement", category=Category.objects.get(key="announcements")
        ),
        "draft": ArticleFactory(draft=True, title_en="A draft"),
        "scheduled": ArticleFactory(scheduled=True, title_en="Scheduled release"),
        "withdrawn": ArticleFactory(withdrawn=True, title_en="Withdrawn release"),
        "trashed": ArticleFactory(in_trash=True, title_en="Trashed release"),
        "no_russian": ArticleFactory(without_russian=True, title_en="English, not Russian"),
    }


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("feed_url", FEEDS)
def test_a_feed_lists_exactly_the_public_releases_of_its_language(client, releases, feed_url):
    _response, english = parsed(client, feed_url.format(lang="en"))
    _response, russian = parsed(client, feed_url.format(lang="ru"))

    titles = {entry.title for entry in english.entries}
    assert titles == {"Public release", "An announcement", "English, not Russian"}
    assert english.feed.language == "en"
    assert {entry.title for entry in russian.entries} == {
        releases["public"].title_ru,
        releases["announcement"].title_ru,
    }


@pytest.mark.parametrize("feed_url", FEEDS)
def test_entries_carry_absolute_links_summaries_dates_with_zones_and_stable_ids(
    client, releases, feed_url
):
    _response, feed = parsed(client, feed_url.format(lang="en"))
    entry = next(e for e in feed.entries if e.title == "Public release")

    assert entry.link == f"http://testserver{releases['public'].get_absolute_url('en')}"
    assert entry.summary == "What happened."
    assert entry.published_parsed is not None
    assert entry.id == f"tag:testserver,{releases['public'].created_at:%Y-%m-%d}:release/" + (
        f"{releases['public'].pk}/en"
    )
    assert entry.tags[0].term == "News"


def test_the_atom_feed_has_what_atom_requires(client, releases):
    root = ElementTree.fromstring(client.get("/en/feed/atom/").content)
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/en/feed/atom/"
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "published", "summary"):
            assert entry.find(f"{ATOM}{name}") is not None, name
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("http")
        assert "+00:00" in entry.find(f"{ATOM}updated").text


def test_the_rss_feed_has_what_rss_requires(client, releases):
    channel = ElementTree.fromstring(client.get("/en/feed/rss/").content).find("channel")
    for name in ("title", "link", "description", "language", "lastBuildDate"):
        assert channel.find(name) is not None, name
    for item in channel.findall("item"):
        for name in ("title", "link", "description", "guid", "pubDate"):
            assert item.find(name) is not None, name
        assert item.find("guid").get("isPermaLink") == "false"
        assert item.find("pubDate").text.endswith("+0000")


def test_a_category_feed_lists_only_that_category(client, releases):
    _response, feed = parsed(client, "/en/news/category/announcements/feed/atom/")
    assert [entry.title for entry in feed.entries] == ["An announcement"]
    assert "Announcements" in feed.feed.title
    assert client.get("/en/news/category/no-such/feed/rss/").status_code == 404


def test_a_change_note_moves_the_entry_update_date(client, releases):
    article = releases["public"]
    article.change_notes.create(
        note="Figures corrected.", language="az", created_at=timezone.now() + timedelta(hours=2)
    )
    _response, feed = parsed(client, "/en/feed/atom/")
    entry = next(e for e in feed.entries if e.title == "Public release")
    assert entry.updated_parsed > entry.published_parsed


def test_every_page_offers_its_feeds_for_discovery(client, releases):
    home = client.get("/en/").content.decode()
    category = client.get("/en/news/category/announcements/").content.decode()
    article = client.get(releases["public"].get_absolute_url("en")).content.decode()

    for html in (home, category, article):
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert 'href="/en/feed/atom/"' in html
        assert 'href="/en/feed/rss/"' in html
    assert 'href="/en/news/category/announcements/feed/atom/"' in category


def test_a_reader_that_has_the_feed_gets_304(
    settings, releases, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    reader = Client()
    first = reader.get("/en/feed/atom/")
    again = reader.get("/en/feed/atom/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304

    # A withdrawal changes the feed: the reader gets it anew, without the release.
    with django_capture_on_commit_callbacks(execute=True):
        article = releases["public"]
        article.status = "withdrawn"
        article.withdrawn_at = timezone.now()
        article.save()
    after = reader.get("/en/feed/atom/", headers={"if-none-match": first["ETag"]})
    assert after.status_code == 200
    assert "Public release" not in after.content.decode()
    cache.clear()


@pytest.fixture
def pictured():
    """A public release with a lead photograph, and one with none."""
    photograph = ImageFactory(alt_en="The chief signs the agreement", alt_ru="Подписание")
    article = ArticleFactory(title_en="Pictured release")
    show(article, photograph)
    ArticleFactory(title_en="Release without a photograph")
    return article, photograph


def entry_titled(feed, title):
    return next(entry for entry in feed.entries if entry.title == title)


@pytest.mark.parametrize("feed_url", FEEDS)
def test_an_entry_carries_its_lead_photograph_as_an_enclosure(client, pictured, feed_url):
    _article, photograph = pictured
    _response, feed = parsed(client, feed_url.format(lang="en"))

    enclosures = entry_titled(feed, "Pictured release").enclosures
    assert len(enclosures) == 1
    enclosure = enclosures[0]
    rendition = next(
        entry
        for entry in photograph.renditions
        if enclosure.href.endswith(entry["name"].split("/")[-1])
    )
    assert (rendition["kind"], rendition["format"]) == ("width", "jpeg")
    assert enclosure.href == f"http://testserver{file_storage().url(rendition['name'])}"
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == file_storage().size(rendition["name"])
    assert entry_titled(feed, "Release without a photograph").enclosures == []


def test_the_atom_enclosure_is_titled_with_the_alt_text_of_the_feeds_language(client, pictured):
    _response, english = parsed(client, "/en/feed/atom/")
    _response, russian = parsed(client, "/ru/feed/atom/")
    article, _photograph = pictured

    assert entry_titled(english, "Pictured release").enclosures[0].title == (
        "The chief signs the agreement"
    )
    assert entry_titled(russian, article.title_ru).enclosures[0].title == "Подписание"


def test_a_decorative_lead_photograph_has_no_title_and_an_old_one_a_zero_length(client, pictured):
    _article, photograph = pictured
    photograph.decorative = True
    photograph.renditions = [
        {key: value for key, value in entry.items() if key != "bytes"}
        for entry in photograph.renditions
    ]
    photograph.save()

    root = ElementTree.fromstring(client.get("/en/feed/atom/").content)
    links = root.findall(f"{ATOM}entry/{ATOM}link[@rel='enclosure']")
    assert len(links) == 1
    assert links[0].get("title") is None
    assert links[0].get("length") == "0"
    rss = ElementTree.fromstring(client.get("/en/feed/rss/").content)
    assert [item.get("length") for item in rss.iter("enclosure")] == ["0"]
