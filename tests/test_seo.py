"""What search engines and sharing previews read: canonical links, descriptions, Open Graph,
and schema.org data checked against schema.org's own vocabulary."""

import importlib
import json
import pkgutil
import re
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import msgspec_schemaorg.models
import PIL.Image
import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news import seo
from news.models import Category
from tests.factories import ArticleFactory, ImageFactory, show

pytestmark = pytest.mark.django_db


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts = {}, {}, []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.links["canonical"] = attrs["href"]
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_ld = self._in_ld and tag != "script"

    def handle_data(self, data):
        if self._in_ld:
            self.scripts[-1] += data


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = _Head()
    parser.feed(response.content.decode())
    return parser


def one(parser, key):
    assert len(parser.meta.get(key, [])) == 1, key
    return parser.meta[key][0]


def schema_type(name):
    """Return the class schema.org's vocabulary defines for the type ``name``."""
    for group in pkgutil.iter_modules(msgspec_schemaorg.models.__path__):
        try:
            module = importlib.import_module(f"msgspec_schemaorg.models.{group.name}.{name}")
        except ModuleNotFoundError:
            continue
        return getattr(module, name)
    raise AssertionError(f"{name} is not a schema.org type")


def assert_valid_schema(node):
    """Check every property of every typed object in ``node`` belongs to its schema.org type."""
    if isinstance(node, list):
        for item in node:
            assert_valid_schema(item)
        return
    if not isinstance(node, dict):
        return
    if "@type" in node:
        properties = set(schema_type(node["@type"]).__struct_encode_fields__)
        unknown = set(node) - properties - {"@context"}
        assert not unknown, f"{node['@type']} has no {unknown}"
    for value in node.values():
        assert_valid_schema(value)


@pytest.fixture
def release():
    return ArticleFactory(
        title_en="Meeting with a delegation",
        summary_en="The Service met a delegation.",
        category=Category.objects.get(key="announcements"),
    )


@pytest.mark.parametrize(
    ("url", "description"),
    [
        ("/en/", "News and press releases of the State Migration Service"),
        ("/en/news/", "News and press releases of the State Migration Service"),
        ("/en/news/category/announcements/", "Announcements of the State Migration Service:"),
        ("/en/news/archive/", "News and press releases of the State Migration Service"),
        ("/en/terms/", "News and press releases of the State Migration Service"),
    ],
)
def test_every_page_has_its_canonical_link_description_and_open_graph(
    client, release, url, description
):
    page = head(client, url)

    assert page.links["canonical"] == f"http://testserver{url}"
    assert one(page, "description").startswith(description)
    assert one(page, "og:url") == page.links["canonical"]
    assert one(page, "og:site_name") == "State Migration Service of the Republic of Azerbaijan"
    assert one(page, "og:locale") == "en_GB"
    assert sorted(page.meta["og:locale:alternate"]) == ["az_AZ", "ru_RU"]
    assert one(page, "og:title")
    assert one(page, "og:description") == one(page, "description")
    assert one(page, "twitter:card") == "summary_large_image"


def test_a_later_page_of_a_list_is_its_own_canonical_page(client):
    ArticleFactory.create_batch(21)
    page = head(client, "/en/news/?page=2&utm_source=x")
    assert page.links["canonical"] == "http://testserver/en/news/?page=2"


def test_an_article_describes_itself_with_its_summary(client, release):
    page = head(client, release.get_absolute_url("en"))

    assert one(page, "og:type") == "article"
    assert one(page, "og:title") == "Meeting with a delegation"
    assert one(page, "description") == "The Service met a delegation."
    assert one(page, "article:section") == "Announcements"


def test_an_article_carries_a_news_article_and_its_breadcrumbs(client, release):
    release.change_notes.create(
        note="Names corrected.", language="az", created_at=timezone.now() + timedelta(hours=1)
    )
    page = head(client, release.get_absolute_url("en"))
    article, trail = (json.loads(script) for script in page.scripts)

    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Meeting with a delegation"
    assert article["description"] == "The Service met a delegation."
    assert article["inLanguage"] == "en"
    published = datetime.fromisoformat(article["datePublished"])
    modified = datetime.fromisoformat(article["dateModified"])
    assert published.utcoffset() == timedelta(hours=4)  # Baku time, with its offset
    assert modified > published
    assert article["mainEntityOfPage"]["@id"] == page.links["canonical"]
    for role in ("author", "publisher"):
        assert article[role]["@type"] == "GovernmentOrganization"
        assert article[role]["name"] == "State Migration Service of the Republic of Azerbaijan"
        assert article[role]["logo"]["url"].endswith("/static/img/agency-logo.png")

    assert trail["@type"] == "BreadcrumbList"
    assert [item["position"] for item in trail["itemListElement"]] == [1, 2, 3]
    assert [item["item"] for item in trail["itemListElement"]] == [
        "http://testserver/en/",
        "http://testserver/en/news/category/announcements/",
        page.links["canonical"],
    ]
    assert_valid_schema([article, trail])


def test_the_schema_check_catches_a_property_the_type_lacks():
    with pytest.raises(AssertionError, match="no"):
        assert_valid_schema({"@type": "NewsArticle", "headline": "x", "sharePrice": 3})


def test_structured_data_cannot_end_its_script(client):
    hostile = ArticleFactory(title_en="</script><script>alert(1)</script>")
    html = client.get(hostile.get_absolute_url("en")).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)

    assert len(scripts) == 2
    assert json.loads(scripts[0])["headline"] == "</script><script>alert(1)</script>"
    assert "<script>alert" not in html


def test_a_page_in_another_language_points_search_engines_to_the_original(client):
    article = ArticleFactory(without_russian=True)
    page = head(client, article.get_absolute_url("ru"))

    assert page.links["canonical"] == f"http://testserver{article.get_absolute_url('az')}"
    assert one(page, "robots") == "noindex"
    assert one(page, "og:locale") == "az_AZ"
    assert json.loads(page.scripts[0])["inLanguage"] == "az"


DEFAULT_IMAGE_PAGES = [
    "/en/",
    "/en/news/",
    "/en/news/category/announcements/",
    "/en/news/archive/",
    "year",
    "month",
    "/en/search/?q=delegation",
    "/en/terms/",
    "/ru/privacy/",
]


@pytest.mark.parametrize("url", DEFAULT_IMAGE_PAGES)
def test_a_page_without_a_photograph_is_shared_with_the_agencys_emblem(client, release, url):
    moment = timezone.localtime(release.published_at)
    url = {
        "year": f"/en/news/{moment.year}/",
        "month": f"/en/news/{moment.year}/{moment.month:02d}/",
    }.get(url, url)
    page = head(client, url)

    image_url = one(page, "og:image")
    assert image_url.startswith("http://testserver/static/img/agency-share")
    assert (one(page, "og:image:width"), one(page, "og:image:height")) == ("1200", "630")
    alt = one(page, "og:image:alt")
    if url.startswith("/ru/"):
        assert alt.startswith("Эмблема")
    else:
        assert alt == "Emblem of the State Migration Service of the Republic of Azerbaijan"


def test_the_emblem_file_has_the_size_the_pages_state():
    path = finders.find(seo.DEFAULT_SHARE_IMAGE["path"])
    with PIL.Image.open(path) as image:
        assert image.size == (seo.DEFAULT_SHARE_IMAGE["width"], seo.DEFAULT_SHARE_IMAGE["height"])
        assert image.format == "PNG"
    # Sharing previews fetch it often: it stays small.
    assert Path(path).stat().st_size < 50_000


def test_an_article_keeps_its_lead_photograph_and_one_without_gets_the_emblem(client, release):
    photograph = ImageFactory(alt_en="The delegation at the table")
    pictured = ArticleFactory(title_en="Pictured")
    show(pictured, photograph)
    crop = photograph.renditions_of("social", "jpeg")[0]

    own = head(client, pictured.get_absolute_url("en"))
    plain = head(client, release.get_absolute_url("en"))

    assert one(own, "og:image") == f"http://testserver/media/{crop['name']}"
    assert one(own, "og:image:alt") == "The delegation at the table"
    assert one(plain, "og:image").startswith("http://testserver/static/img/agency-share")


@pytest.mark.parametrize(
    ("url", "description"),
    [
        ("/az/news/category/elanlar/", "Dövlət Miqrasiya Xidmətinin elanları:"),
        ("/en/news/category/interviews/", "Interviews given to the press by the leadership"),
        ("/ru/news/category/stati/", "Статьи о миграционном законодательстве"),
    ],
)
def test_a_category_page_is_described_by_its_own_description(client, url, description):
    page = head(client, url)
    assert one(page, "description").startswith(description)
    assert one(page, "og:description") == one(page, "description")
    assert one(page, "twitter:description") == one(page, "description")


def test_a_category_without_a_description_in_a_language_gets_the_general_one(client):
    category = Category.objects.get(key="announcements")
    category.description_en = ""
    category.save()

    english = head(client, "/en/news/category/announcements/")
    russian = head(client, "/ru/news/category/obyavleniya/")

    assert one(english, "description") == (
        "Announcements: news and press releases of the State Migration Service."
    )
    assert one(english, "og:description") == one(english, "description")
    assert one(russian, "description").startswith("Объявления Государственной миграционной")


def test_the_newsroom_edits_a_categorys_description_in_each_language(admin_client):
    category = Category.objects.get(key="news")
    url = reverse("admin:news_category_change", args=[category.pk])
    form = admin_client.get(url).context["adminform"].form
    assert {"description_az", "description_en", "description_ru"} <= set(form.fields)
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None
    }
    data.update(description_en="What the Service does, day by day.", description_ru="")

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    category.refresh_from_db()
    assert category.description_en == "What the Service does, day by day."
    assert not category.description_ru
    assert one(head(Client(), "/en/news/category/news/"), "description") == (
        "What the Service does, day by day."
    )
    assert one(head(Client(), "/ru/news/category/novosti/"), "description") == (
        "Новости: новости и пресс-релизы Государственной миграционной службы."
    )


def test_a_description_with_a_control_character_is_refused(admin_client):
    category = Category.objects.get(key="news")
    url = reverse("admin:news_category_change", args=[category.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None
    }
    data.update(description_en="Bell\u0007 here")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "description_en" in response.context["adminform"].form.errors
    category.refresh_from_db()
    assert category.description_en.startswith("News of the State Migration Service")


def test_a_preview_names_the_picture_the_release_will_be_shared_with(admin_client):
    draft = ArticleFactory(draft=True, title_en="Draft under review")
    page = head(admin_client, draft.get_preview_url("en"))
    assert one(page, "og:image").startswith("http://testserver/static/img/agency-share")
