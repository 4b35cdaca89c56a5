"""The public site as a state agency's newsroom: identity, footer, home, release page, details."""

import json
import re
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import timezone

from news.languages import LANGUAGE_CODES
from news.models import Category
from news.views.lists import HomeView
from tests.factories import ArticleFactory, ImageFactory, show

pytestmark = pytest.mark.django_db

AGENCY = {
    "az": "Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti",
    "en": "State Migration Service of the Republic of Azerbaijan",
    "ru": "Государственная миграционная служба Азербайджанской Республики",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def text(self):
        parts = (child if isinstance(child, str) else child.text for child in self.children)
        return " ".join(" ".join(parts).split())

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def find_all(self, tag=None, cls=None, **attrs):
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if (
                    (tag is None or child.tag == tag)
                    and (cls is None or cls in child.classes())
                    and all(child.attrs.get(key) == value for key, value in attrs.items())
                ):
                    found.append(child)
                found.extend(child.find_all(tag, cls, **attrs))
        return found

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = self.current = Element("#document", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    tree = _Tree()
    tree.feed(response.content.decode())
    return tree.root


def structured_data(document):
    return [json.loads(script.text) for script in document.find_all("script")]


def photographed(**fields):
    article = ArticleFactory(**fields)
    show(article, ImageFactory())
    return article


# Identity: the mark, the icons, one name everywhere.


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_header_links_home_with_the_agency_mark_and_name(client, language):
    header = page(client, f"/{language}/terms/").find("header", "site-header")

    brand = header.find("a", "brand")
    mark = brand.find("img")
    assert brand.attrs["href"] == f"/{language}/"
    # The link's accessible name is the agency's; the mark beside it adds no second reading.
    assert brand.text == AGENCY[language]
    assert mark.attrs["src"] == "/static/img/agency-mark.svg"
    assert mark.attrs["alt"] == ""
    assert finders.find("img/agency-mark.svg")


def test_a_real_emblem_replaces_the_mark_by_a_setting(client, settings):
    settings.AGENCY_MARK = "img/state-emblem.svg"

    header = page(client, "/en/").find("header", "site-header")

    assert header.find("a", "brand").find("img").attrs["src"] == "/static/img/state-emblem.svg"


def test_pages_name_their_icons_and_theme_colour(client):
    document = page(client, "/en/")

    icons = {link.attrs["href"]: link.attrs for link in document.find_all("link", rel="icon")}
    touch = document.find("link", rel="apple-touch-icon")
    assert icons["/static/img/agency-mark.svg"]["type"] == "image/svg+xml"
    assert "/static/img/favicon.ico" in icons
    assert touch.attrs["href"] == "/static/img/apple-touch-icon.png"
    assert document.find("meta", name="theme-color").attrs["content"] == "#00558c"
    for path in ("img/agency-mark.svg", "img/favicon.ico", "img/apple-touch-icon.png"):
        assert finders.find(path), path


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_agency_has_one_name_in_header_title_footer_and_structured_data(client, language):
    article = ArticleFactory()

    document = page(client, article.get_absolute_url(language))

    name = AGENCY[language]
    news_article = structured_data(document)[0]
    assert document.find("title").text == f"{article.version(language).title} — {name}"
    assert document.find("a", "brand").text == name
    assert document.find("p", "site-footer__copyright").text.startswith(
        f"© {timezone.now().year} {name}."
    )
    assert news_article["publisher"]["name"] == news_article["author"]["name"] == name
    assert page(client, f"/{language}/").find("title").text == name


# The footer: press office, services, pages, and a copyright line that matches the terms.


def test_the_footer_shows_the_press_office_from_the_settings(client, settings):
    settings.PRESS_OFFICE_PHONE = "+994 12 555 01 02"
    settings.PRESS_OFFICE_EMAIL = "press@example.az"
    settings.PRESS_OFFICE_ADDRESS = {
        "az": "Bakı, Nümunə küçəsi 1",
        "en": "1 Example Street, Baku",
        "ru": "Баку, улица Примерная, 1",
    }

    for language in LANGUAGE_CODES:
        office = page(client, f"/{language}/").find("footer").find("address", "press-office")
        links = {link.attrs["href"]: link.text for link in office.find_all("a")}
        assert links["tel:+994125550102"] == "+994 12 555 01 02"
        assert links["mailto:press@example.az"] == "press@example.az"
        assert settings.PRESS_OFFICE_ADDRESS[language] in office.text


def test_an_address_missing_in_a_language_falls_back_to_the_default_one(client, settings):
    settings.PRESS_OFFICE_ADDRESS = {"az": "Bakı, Nümunə küçəsi 1", "en": "", "ru": ""}

    office = page(client, "/en/").find("address", "press-office")

    assert "Bakı, Nümunə küçəsi 1" in office.text


def test_the_footer_links_the_agencys_services_and_the_sites_pages(client):
    footer = page(client, "/en/").find("footer")

    links = {link.attrs["href"]: link.text for link in footer.find_all("a")}
    assert links["https://migration.gov.az"] == "The agency's portal"
    assert links["https://e-services.migration.gov.az"] == "E-services"
    assert links["tel:919"] == "919"
    assert "Call centre: 919" in footer.text
    assert links["/en/terms/"] == "Terms for users"
    assert links["/en/privacy/"] == "Privacy policy"
    assert links["/en/accessibility/"] == "Accessibility statement"


@pytest.mark.parametrize(
    ("language", "reserved"),
    [
        ("az", "Bütün hüquqlar qorunur"),
        ("en", "All rights reserved"),
        ("ru", "Все права защищены"),
    ],
)
def test_the_copyright_line_lets_releases_be_shared_as_the_terms_do(client, language, reserved):
    html = client.get(f"/{language}/").content.decode()
    line = page(client, f"/{language}/").find("p", "site-footer__copyright").text

    assert reserved not in html
    english = "The releases may be quoted and shared, naming the agency as their source"
    expected = {"az": "sitat gətirmək və onları paylaşmaq olar", "ru": "можно цитировать"}
    assert expected.get(language, english) in line


@pytest.mark.parametrize(
    ("language", "heading", "reporting"),
    [
        ("az", "Əlçatanlıq bəyanatı", "Problem barədə məlumat vermək"),
        ("en", "Accessibility statement", "Reporting a problem"),
        ("ru", "Заявление о доступности", "Как сообщить о проблеме"),
    ],
)
def test_the_accessibility_statement_in_each_language(client, language, heading, reporting):
    document = page(client, f"/{language}/accessibility/")

    main = document.find("main")
    headings = [element.text for element in main.find_all("h2")]
    assert main.find("h1").text == heading
    assert document.find("title").text == f"{heading} — {AGENCY[language]}"
    assert "WCAG" in main.text
    assert "2.1" in main.text
    assert "AA" in main.text
    assert "axe-core" in main.text
    assert len(headings) == 4
    assert headings[-1] == reporting
    # How to report a problem: the press office's contacts, on the page itself.
    assert main.find("address", "press-office").find(
        "a", href=f"mailto:{settings.PRESS_OFFICE_EMAIL}"
    )


# The home page: search, the lead story, the latest releases, a section per category.


def test_the_home_page_has_a_lead_story_then_cards_then_a_section_per_category(client):
    news, announcements = (
        Category.objects.get(key="news"),
        Category.objects.get(key="announcements"),
    )
    now = timezone.now()
    older = [
        ArticleFactory(category=announcements, published_at=now - timedelta(days=30 + day))
        for day in range(4)
    ]
    latest = [ArticleFactory(published_at=now - timedelta(days=day + 1)) for day in range(6)]
    photographed(title_en="The lead story", published_at=now - timedelta(hours=1))
    ArticleFactory(category=announcements, draft=True, title_en="A draft announcement")
    ArticleFactory(category=announcements, scheduled=True, title_en="A scheduled one")

    document = page(client, "/en/")

    main = document.find("main")
    story = main.find("article", "lead-story")
    assert story.find("h2").text == "The lead story"
    assert story.find("img").attrs["fetchpriority"] == "high"
    assert story.find("a", "card__category").attrs["href"] == news.get_absolute_url()

    latest_section = main.find("section", **{"aria-labelledby": "latest-heading"})
    titles = [card.find("h3").text for card in latest_section.find_all("article", "card")]
    assert titles == [article.title_en for article in latest]
    assert latest_section.find("a", href="/en/news/").text == "All releases"

    sections = main.find_all("section", "page-section")[1:]
    assert [section.find("h2").text for section in sections] == ["Announcements"]
    cards = sections[0].find_all("article", "card")
    # A few of the newest each, none of those already shown above, none that is not public.
    assert [card.find("h3").text for card in cards] == [article.title_en for article in older[:3]]
    assert sections[0].find("a", href=announcements.get_absolute_url()).text == (
        "All in “Announcements”"
    )
    for card in cards:
        category = card.find("a", "card__category")
        assert (category.attrs["href"], category.text) == (
            announcements.get_absolute_url(),
            "Announcements",
        )
    assert "A draft announcement" not in main.text
    assert "A scheduled one" not in main.text


def test_the_home_page_has_a_search_box(client):
    form = page(client, "/en/").find("header").find("form", role="search")

    field = form.find("input", name="q")
    assert form.attrs["action"] == "/en/search/"
    assert form.find("label").attrs["for"] == field.attrs["id"]


def test_the_home_page_without_releases_says_so(client):
    main = page(client, "/en/").find("main")

    assert "No releases have been published in this language yet." in main.text
    assert not main.find_all("article")


# A release: breadcrumbs, time, sharing, related releases, the way back, print.


def test_a_release_has_breadcrumbs_and_its_release_time(client):
    announcements = Category.objects.get(key="announcements")
    article = ArticleFactory(
        category=announcements,
        title_en="Office hours",
        published_at=timezone.localtime().replace(hour=9, minute=5, second=0, microsecond=0)
        - timedelta(days=2),
    )

    document = page(client, article.get_absolute_url("en"))

    crumbs = document.find("nav", "breadcrumbs")
    items = crumbs.find_all("li")
    assert crumbs.attrs["aria-label"] == "Breadcrumb"
    assert [
        (item.find_all("a")[0].attrs["href"] if item.find_all("a") else None) for item in items
    ] == [
        "/en/",
        announcements.get_absolute_url(),
        None,
    ]
    assert [item.text for item in items] == ["Home", "Announcements", "Office hours"]
    assert items[-1].attrs["aria-current"] == "page"
    trail = structured_data(document)[1]
    assert [item["name"] for item in trail["itemListElement"]] == [item.text for item in items]

    time = document.find("p", "release__meta").find("time")
    moment = timezone.localtime(article.published_at)
    # To the second, as HTML's date and time strings allow (no microseconds).
    assert datetime.strptime(time.attrs["datetime"], "%Y-%m-%dT%H:%M:%S%z") == moment
    assert time.text == f"{moment.day} {moment:%B %Y}, 09:05"


def test_share_links_are_plain_links_built_from_the_absolute_address(client):
    article = ArticleFactory(title_en='Visas & "permits" <today>')
    address = f"http://testserver{article.get_absolute_url('en')}"

    response = client.get(article.get_absolute_url("en"))
    share = page(client, article.get_absolute_url("en")).find("section", "share")

    links = {link.text: link.attrs["href"] for link in share.find_all("a")}
    title = 'Visas & "permits" <today>'
    assert list(links) == ["Facebook", "X", "Telegram", "WhatsApp", "LinkedIn", "E-mail"]

    def query(name):
        return parse_qs(urlsplit(links[name]).query)

    assert links["Facebook"].startswith("https://www.facebook.com/sharer/sharer.php?")
    assert query("Facebook") == {"u": [address]}
    assert query("X") == {"url": [address], "text": [title]}
    assert links["Telegram"].startswith("https://t.me/share/url?")
    assert query("Telegram") == {"url": [address], "text": [title]}
    assert links["WhatsApp"].startswith("https://wa.me/?")
    assert query("WhatsApp") == {"text": [f"{title} {address}"]}
    assert query("LinkedIn") == {"url": [address]}
    assert links["E-mail"].startswith("mailto:?")
    assert query("E-mail") == {"subject": [title], "body": [address]}
    # Written into the page escaped: the title's characters never end the attribute.
    html = response.content.decode()
    assert "&amp;text=Visas%20%26%20%22permits%22%20%3Ctoday%3E" in html
    assert 'permits" <today>' not in html.split('class="share"')[1].split("</section>")[0]
    assert not share.find_all("script")
    assert not share.find_all("img")


def test_related_releases_are_public_ones_of_its_category_only(client):
    announcements = Category.objects.get(key="announcements")
    now = timezone.now()
    article = ArticleFactory(category=announcements, title_en="This one")
    public = [
        ArticleFactory(
            category=announcements,
            title_en=f"Public {number}",
            published_at=now - timedelta(days=2 + number),
        )
        for number in range(4)
    ]
    ArticleFactory(category=announcements, draft=True, title_en="Draft")
    ArticleFactory(category=announcements, withdrawn=True, title_en="Withdrawn")
    ArticleFactory(category=announcements, scheduled=True, title_en="Scheduled")
    ArticleFactory(category=announcements, in_trash=True, title_en="Trashed")
    ArticleFactory(category=announcements, without_russian=True, title_en="Not in Russian")
    ArticleFactory(title_en="Another category")

    related = page(client, article.get_absolute_url("en")).find("section", "related")
    russian = page(client, article.get_absolute_url("ru")).find("section", "related")

    titles = [card.find("h3").text for card in related.find_all("article", "card")]
    assert related.find("h2").text == "More in “Announcements”"
    assert titles == ["Not in Russian"] + [each.title_en for each in public[:2]]
    assert [card.find("h3").text for card in russian.find_all("article", "card")] == [
        each.title_ru for each in public[:3]
    ]


def test_a_release_links_back_to_its_list_and_to_the_press_office(client):
    article = ArticleFactory(category=Category.objects.get(key="announcements"))

    document = page(client, article.get_absolute_url("en"))

    back = document.find("p", "back-link").find("a")
    contact = document.find("aside", "release__contact")
    assert back.attrs["href"] == article.category.get_absolute_url()
    assert back.text == "Back to “Announcements”"
    assert contact.find("address", "press-office").find(
        "a", href=f"mailto:{settings.PRESS_OFFICE_EMAIL}"
    )


def test_a_printed_release_carries_its_address_and_leaves_the_chrome_out(client):
    article = ArticleFactory()

    line = page(client, article.get_absolute_url("en")).find("p", "print-only")

    assert line.text == f"This release: http://testserver{article.get_absolute_url('en')}"
    css = Path(finders.find("css/site.css")).read_text()
    screen, printed = css.split("@media print")
    assert ".print-only { display: none; }" in screen
    hidden = printed.split("{ display: none; }")[0]
    for chrome in (".site-nav", ".share", ".site-footer", ".breadcrumbs", ".related"):
        assert chrome in hidden
    assert ".print-only { display: block; }" in printed


# Details: lower-case language names, the current section, no third-party host.


def test_the_fallback_notice_writes_language_names_as_the_sentence_needs(client):
    article = ArticleFactory(without_russian=True)
    english_only = ArticleFactory(
        original_language="en",
        title_az="",
        summary_az="",
        body_az="",
        title_ru="",
        summary_ru="",
        body_ru="",
    )

    russian = page(client, article.get_absolute_url("ru")).find("aside", "notice")
    azerbaijani = page(client, english_only.get_absolute_url("az")).find("aside", "notice")

    assert "Он доступен на азербайджанском и английском." in russian.text
    assert "O, ingilis dilində mövcuddur." in azerbaijani.text


def test_the_navigation_marks_a_releases_category_as_the_current_section(client):
    article = ArticleFactory(category=Category.objects.get(key="interviews"))

    nav = page(client, article.get_absolute_url("en")).find("nav", "site-nav")
    listed = page(client, article.category.get_absolute_url("en")).find("nav", "site-nav")

    current = [link for link in nav.find_all("a") if "aria-current" in link.attrs]
    assert [(link.text, link.attrs["aria-current"]) for link in current] == [("Interviews", "true")]
    on_list = [link for link in listed.find_all("a") if "aria-current" in link.attrs]
    assert [(link.text, link.attrs["aria-current"]) for link in on_list] == [("Interviews", "page")]


def _addresses(document):
    for element in document.find_all():
        attrs = element.attrs
        if element.tag in ("script", "img") and "src" in attrs:
            yield attrs["src"]
        if (
            element.tag == "link"
            and attrs.get("rel") != "canonical"
            and attrs.get("rel") != "alternate"
        ):
            yield attrs["href"]
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                yield candidate.split()[0]


@pytest.mark.parametrize("which", ["home", "article", "accessibility"])
def test_scripts_styles_and_images_come_from_the_site_itself(client, which):
    article = photographed()
    url = {"home": "/en/", "article": article.get_absolute_url("en")}.get(
        which, "/en/accessibility/"
    )

    addresses = list(_addresses(page(client, url)))

    assert any(address.endswith(".css") for address in addresses)
    assert any("/media/" in address for address in addresses) or which == "accessibility"
    for address in addresses:
        # A path on this site: "//host/…" would be another site's.
        assert re.match(r"/(?!/)", address), address


def test_home_and_release_stay_small(client):
    article = photographed()
    css = Path(finders.find("css/site.css")).read_bytes()

    for url in ("/en/", article.get_absolute_url("en")):
        html = client.get(url).content
        # Uncompressed, well under the 60 KB the pages must stay within once compressed.
        assert len(html) + len(css) < 60_000, url
        assert not re.search(rb"<script(?![^>]*application/ld\+json)", html)


def test_the_home_page_sections_are_drawn_from_the_newest_releases_only(client, monkeypatch):
    # Numbering every release of the archive for each new state would read all of them.
    monkeypatch.setattr(HomeView, "sections_among", 4)
    announcements = Category.objects.get(key="announcements")
    now = timezone.now()
    ArticleFactory(
        category=announcements, title_en="Long ago", published_at=now - timedelta(days=400)
    )
    for day in range(11):
        ArticleFactory(published_at=now - timedelta(days=day + 1))

    sections = page(client, "/en/").find("main").find_all("section", "page-section")[1:]

    assert [section.find("h2").text for section in sections] == ["News"]
    assert "Long ago" not in str(sections)
    monkeypatch.setattr(HomeView, "sections_among", 300)
    sections = page(client, "/en/").find("main").find_all("section", "page-section")[1:]
    assert [section.find("h2").text for section in sections] == ["News", "Announcements"]
