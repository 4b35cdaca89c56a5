"""Nothing hidden leaks: every public channel shows exactly what the public gate allows.

Each case makes one release the gate keeps from visitors of a language (a draft, a release in
review, one scheduled, withdrawn, in the trash, a language missing, held back or lacking alt
text), with a word of its own in its title, summary and body, beside a published release
with a word of its own. Every channel in that language (lists, archives, feeds, sitemap,
structured data, old links, the API, the site search and its typo correction) must show the
published release's word and never the hidden one's, and answer exactly as it does once the
hidden release is gone from the database. The hidden release's own page answers as the rules
say: not found, the withdrawal notice, or another language's version.
"""

import json
import re
from datetime import timedelta
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import timezone

from news.models import Article, Category, localized
from tests.factories import ArticleFactory, ImageFactory, show
from tests.newsroom import NOW

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# In every release's title, so that one search lists them all.
PROBE = "leakprobe"
SHOWN = "shownmarker"

# What the hidden release's own address answers in the language asked for (always English
# below, so that the notices can be read).
NOT_FOUND = "not found"
WITHDRAWN = "This release is no longer current."
# Another language's version, with the notice: it holds the word only when that version does.
OTHER_VERSION = "This release is not available in your language."


def texts(marker, languages=("az", "en", "ru")):
    """Return a release's texts holding ``marker`` in each of ``languages``."""
    fields = {}
    for code in languages:
        fields[f"title_{code}"] = f"{marker} {PROBE} {code}"
        fields[f"summary_{code}"] = f"Summary {marker}."
        fields[f"body_{code}"] = f"<p>Body {marker}.</p>"
    return fields


def held_back(marker):
    article = ArticleFactory(**texts(marker, ["en"]))
    article.set_translation_ready("en", False)
    return article


def lacking_alt_text(marker):
    article = ArticleFactory(**texts(marker, ["en"]))
    show(article, ImageFactory(alt_en=""))
    return article


def only_in_azerbaijani(marker):
    fields = ("title", "summary", "body")
    blank = {f"{field}_{code}": "" for field in fields for code in ("en", "ru")}
    return ArticleFactory(**{**blank, **texts(marker, ["az"])})


CASES = {
    # name: (make the hidden release from its marker, language asked, its own page answers)
    "draft": (lambda m: ArticleFactory(draft=True, **texts(m)), "az", NOT_FOUND),
    "submitted": (lambda m: ArticleFactory(submitted=True, **texts(m)), "en", NOT_FOUND),
    "scheduled": (lambda m: ArticleFactory(scheduled=True, **texts(m)), "ru", NOT_FOUND),
    "withdrawn": (lambda m: ArticleFactory(withdrawn=True, **texts(m)), "en", WITHDRAWN),
    "in the trash": (lambda m: ArticleFactory(in_trash=True, **texts(m)), "az", NOT_FOUND),
    "withdrawn, then trashed": (
        lambda m: ArticleFactory(withdrawn=True, in_trash=True, **texts(m)),
        "az",
        NOT_FOUND,
    ),
    "language missing": (only_in_azerbaijani, "en", OTHER_VERSION),
    "language held back": (held_back, "en", OTHER_VERSION),
    "alt text missing": (lacking_alt_text, "en", OTHER_VERSION),
}


def typo(word):
    """Return ``word`` with its last letter changed: one edit away, as the search corrects."""
    return word[:-1] + ("q" if word[-1] != "q" else "z")


def channels(language, control, marker):
    """Return {channel: URL} of every public channel in ``language``.

    The search is asked for the word all releases share, and for the hidden ``marker`` and the
    published release's word, each misspelt: only a word public releases hold is offered.
    """
    moment = timezone.localtime(control.published_at)
    category = localized(Category.objects.get(key="news"), "slug", language)
    day_before = quote((control.published_at - timedelta(days=1)).isoformat())
    return {
        "home": f"/{language}/",
        "all releases": f"/{language}/news/",
        "category": f"/{language}/news/category/{category}/",
        "archive": f"/{language}/news/archive/",
        "archive year": f"/{language}/news/{moment.year}/",
        "archive month": f"/{language}/news/{moment.year}/{moment.month:02d}/",
        "Atom": f"/{language}/feed/atom/",
        "RSS": f"/{language}/feed/rss/",
        "category Atom": f"/{language}/news/category/{category}/feed/atom/",
        "category RSS": f"/{language}/news/category/{category}/feed/rss/",
        "sitemap index": "/sitemap.xml",
        "sitemap of releases": "/sitemap-releases.xml",
        "API list": f"/api/v1/releases/?language={language}",
        "API by category": f"/api/v1/releases/?language={language}&category=news",
        "API by period": f"/api/v1/releases/?language={language}&published_after={day_before}",
        "API changes": f"/api/v1/releases/?language={language}&changed_since={day_before}"
        "&ordering=-changed_at",
        "search": f"/{language}/search/?q={PROBE}",
        "search by date in a category": f"/{language}/search/?q={PROBE}&sort=date"
        f"&category=news&year={moment.year}",
        "search corrected": f"/{language}/search/?q={typo(SHOWN)}",
        "search for the hidden word misspelt": f"/{language}/search/?q={typo(marker)}",
        "API release": f"/api/v1/releases/{control.pk}/?language={language}",
        "release page": control.get_absolute_url(language),
    }


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def in_language(sitemap, language):
    """Return the addresses a sitemap lists in ``language`` (all, for an index), as one text."""
    root = ElementTree.fromstring(sitemap)
    addresses = [element.text for element in root.iter(f"{SITEMAP}loc")]
    addresses += [
        link.get("href") for link in root.iter(f"{XHTML}link") if link.get("hreflang") == language
    ]
    if root.tag == f"{SITEMAP}sitemapindex":
        return " ".join(addresses)
    return " ".join(address for address in addresses if f"/{language}/" in address)


def structured_data(html):
    """Return the JSON-LD of a page as one text."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return " ".join(json.dumps(json.loads(block), ensure_ascii=False) for block in blocks)


def walk(language, control, marker):
    """Return {channel: what it shows in ``language``}, read afresh."""
    cache.clear()
    client = Client()
    shown = {name: read(client, url) for name, url in channels(language, control, marker).items()}
    for name in ("sitemap index", "sitemap of releases"):
        shown[name] = in_language(shown[name], language)
    pages = ("home", "all releases", "category", "archive", "archive year", "archive month")
    shown["structured data"] = " ".join(
        structured_data(shown[name]) for name in (*pages, "release page")
    )
    return shown


def old_addresses(language, legacy_id):
    return [
        f"/{language}/news_detail/{legacy_id}",
        f"/{language}/press_detail/{legacy_id}/",
        f"/index.php/{language}/news_detail/{legacy_id}",
    ]


@pytest.fixture
def control(frozen):
    """A published release, public in every language, with a lead photograph."""
    article = ArticleFactory(legacy_id=100, published_at=NOW - timedelta(hours=3), **texts(SHOWN))
    show(article, ImageFactory())
    return article


@pytest.mark.parametrize("case", CASES)
def test_a_hidden_release_leaks_through_no_channel(client, case, control):
    make, language, own_page = CASES[case]
    marker = "hidden" + re.sub(r"[^a-z]", "", case) + "marker"
    hidden = make(marker)
    Article.objects.filter(pk=hidden.pk).update(legacy_id=200)
    hidden.refresh_from_db()
    hidden_path = f"/news/{hidden.pk}/"

    shown = walk(language, control, marker)

    # The published release reaches every channel that names releases, so none passes by
    # being empty; the archive's index and the sitemap's only count and point to them.
    assert [name for name, body in shown.items() if SHOWN not in body] == [
        "archive",
        "sitemap index",
        "search for the hidden word misspelt",
    ]
    assert [name for name, body in shown.items() if marker in body] == []
    assert [name for name, body in shown.items() if hidden_path in body] == []

    # The hidden release's own address, its old addresses and its place in the API.
    page = client.get(hidden.get_absolute_url(language))
    for old in old_addresses(language, 200):
        moved = client.get(old)
        if own_page == NOT_FOUND:
            assert moved.status_code == 404, old
        else:
            assert (moved.status_code, moved["Location"]) == (301, page.request["PATH_INFO"])
    # REST framework marks the open transaction for rollback on a 404; here that is the test's.
    with transaction.atomic():
        api = client.get(f"/api/v1/releases/{hidden.pk}/?language={language}")
    assert api.status_code == 404
    if own_page == NOT_FOUND:
        assert page.status_code == 404
    else:
        assert page.status_code == 200
        html = page.content.decode()
        assert own_page in html
        # Another version holds the word only when the word is in that version's language.
        shown_elsewhere = case in ("withdrawn", "language missing")
        assert (marker in html) is shown_elsewhere, re.findall(f".{{0,80}}{marker}.{{0,40}}", html)

    # Each channel answers exactly as it does without the hidden release.
    hidden.delete()
    assert walk(language, control, marker) == shown


def test_the_published_release_is_reached_by_its_old_addresses_too(client, control):
    for language in ("az", "en", "ru"):
        for old in old_addresses(language, 100):
            moved = client.get(old)
            assert (moved.status_code, moved["Location"]) == (
                301,
                control.get_absolute_url(language),
            )
