"""The open data API: public releases as JSON, per language, filtered, paged, open to all."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import yaml
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone
from openapi_spec_validator import validate

from news.images.storage import file_storage
from news.models import Article, Category
from tests.factories import ArticleFactory, ImageFactory, show

pytestmark = pytest.mark.django_db

LIST = "/api/v1/releases/"


def get(client, url, **params):
    response = client.get(url, params)
    return response, (
        response.json() if response["Content-Type"].startswith("application/json") else None
    )


@pytest.fixture
def releases():
    announcements = Category.objects.get(key="announcements")
    return {
        "old": ArticleFactory(
            title_en="Old release", published_at=datetime(2021, 3, 1, 9, tzinfo=UTC)
        ),
        "new": ArticleFactory(title_en="New release", category=announcements, legacy_id=8787),
        "no_russian": ArticleFactory(title_en="Not in Russian", without_russian=True),
        "draft": ArticleFactory(draft=True, title_en="Draft"),
        "scheduled": ArticleFactory(scheduled=True, title_en="Scheduled"),
        "withdrawn": ArticleFactory(withdrawn=True, title_en="Withdrawn"),
        "trashed": ArticleFactory(in_trash=True, title_en="Trashed"),
    }


def test_the_list_holds_exactly_what_visitors_see_in_that_language(client, releases):
    _response, english = get(client, LIST, language="en")
    _response, russian = get(client, LIST, language="ru")

    assert {item["title"] for item in english["results"]} == {
        "Old release",
        "New release",
        "Not in Russian",
    }
    assert english["count"] == 3
    assert {item["id"] for item in russian["results"]} == {
        releases["old"].pk,
        releases["new"].pk,
    }


def test_a_release_carries_its_version_addresses_and_languages(client, releases):
    article = releases["new"]
    article.change_notes.create(note="Figures corrected.", language="az")
    _response, data = get(client, f"{LIST}{article.pk}/", language="en")

    assert data["language"] == "en"
    assert data["title"] == "New release"
    assert data["summary"] == article.summary_en
    assert data["body"] == article.body_en
    assert data["legacy_id"] == 8787
    assert data["url"] == f"http://testserver{article.get_absolute_url('en')}"
    assert data["category"] == {
        "key": "announcements",
        "name": "Announcements",
        "url": "http://testserver/en/news/category/announcements/",
    }
    assert [version["language"] for version in data["languages"]] == ["az", "en", "ru"]
    assert data["languages"][2]["url"] == f"http://testserver{article.get_absolute_url('ru')}"
    assert datetime.fromisoformat(data["published_at"]).utcoffset() == timedelta(hours=4)
    assert data["change_notes"][0]["note"] == "Figures corrected."
    assert datetime.fromisoformat(data["updated_at"]) > datetime.fromisoformat(data["published_at"])


@pytest.mark.parametrize("name", ["draft", "scheduled", "withdrawn", "trashed"])
def test_what_visitors_may_not_see_is_not_found(client, releases, name):
    assert client.get(f"{LIST}{releases[name].pk}/").status_code == 404


def test_a_release_not_public_in_a_language_is_not_found_in_it(client, releases):
    article = releases["no_russian"]
    assert client.get(f"{LIST}{article.pk}/", {"language": "en"}).status_code == 200
    assert client.get(f"{LIST}{article.pk}/", {"language": "ru"}).status_code == 404


def test_filters_by_category_period_and_changes(client, releases):
    by_category = get(client, LIST, language="en", category="announcements")[1]
    assert [item["title"] for item in by_category["results"]] == ["New release"]

    period = get(
        client,
        LIST,
        language="en",
        published_after="2021-01-01T00:00:00+04:00",
        published_before="2021-12-31T00:00:00+04:00",
    )[1]
    assert [item["title"] for item in period["results"]] == ["Old release"]

    since = timezone.now() + timedelta(minutes=5)
    Article.objects.filter(pk=releases["old"].pk).update(updated_at=since)
    changed = get(client, LIST, language="en", changed_since=since.isoformat())[1]
    assert [item["title"] for item in changed["results"]] == ["Old release"]


def test_mirrors_can_read_in_the_order_of_changes(client, releases):
    data = get(client, LIST, language="en", ordering="changed_at")[1]
    changed = [item["changed_at"] for item in data["results"]]
    assert changed == sorted(changed)


def test_pages_have_a_size_and_links(client):
    ArticleFactory.create_batch(25)
    first = get(client, LIST, language="en")[1]
    assert len(first["results"]) == 20
    assert first["next"] == "http://testserver/api/v1/releases/?language=en&page=2"
    assert len(get(client, LIST, language="en", page_size=500)[1]["results"]) == 25
    assert client.get(LIST, {"page": 9}).status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"language": "de"}, "language"),
        ({"published_after": "yesterday"}, "published_after"),
        ({"published_before": "0001-01-01T00:00:00+14:00"}, "published_before"),
        ({"changed_since": "9999-12-31T23:59:59-14:00"}, "changed_since"),
    ],
)
def test_bad_parameters_are_refused_with_what_is_wrong(client, releases, params, field):
    response, data = get(client, LIST, **params)
    assert response.status_code == 400
    assert field in data


# Committed data: DRF marks the surrounding transaction for roll-back on any refusal, which
# in a test's own transaction would hide what the database holds afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_nothing_can_be_written(client, releases, method):
    url = f"{LIST}{releases['new'].pk}/" if method != "post" else LIST
    response = getattr(client, method)(url, data="{}", content_type="application/json")
    assert response.status_code == 405
    assert Article.objects.filter(pk=releases["new"].pk).exists()


def test_other_origins_may_read_it(client, releases):
    response = client.get(LIST, headers={"origin": "https://portal.example.org"})
    preflight = client.options(
        LIST,
        headers={
            "origin": "https://portal.example.org",
            "access-control-request-method": "GET",
        },
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    assert preflight.status_code == 200
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # Pages of the site itself are not offered to other origins.
    assert not client.get("/en/", headers={"origin": "https://x.example"}).has_header(
        "Access-Control-Allow-Origin"
    )


def test_answers_are_kept_like_pages_and_304_when_unchanged(settings, releases):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    reader = Client()
    first = reader.get(LIST, {"language": "en"}, headers={"origin": "https://a.example"})
    again = reader.get(
        LIST,
        {"language": "en"},
        headers={"if-none-match": first["ETag"], "origin": "https://b.example"},
    )
    assert "public" in first["Cache-Control"]
    assert again.status_code == 304
    # Kept without the header, answered with it: CORS stays outside the page cache.
    kept = reader.get(LIST, {"language": "en"}, headers={"origin": "https://c.example"})
    assert kept["Access-Control-Allow-Origin"] == "*"
    cache.clear()


def test_the_openapi_document_validates_and_describes_the_api(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    document = yaml.safe_load(response.content)
    validate(document)
    assert set(document["paths"]) == {"/api/v1/releases/", "/api/v1/releases/{id}/"}
    parameters = {p["name"] for p in document["paths"]["/api/v1/releases/"]["get"]["parameters"]}
    assert {"language", "category", "published_after", "changed_since", "page"} <= parameters
    as_json = client.get("/api/v1/schema/", {"format": "json"})
    assert json.loads(as_json.content)["info"]["version"] == document["info"]["version"]


def test_a_release_carries_its_lead_photograph_or_null(client, releases):
    photograph = ImageFactory(
        alt_en="The chief signs the agreement", alt_ru="Подписание", caption_en="Signing"
    )
    show(releases["old"], photograph)

    _response, english = get(client, f"{LIST}{releases['old'].pk}/", language="en")
    _response, russian = get(client, f"{LIST}{releases['old'].pk}/", language="ru")
    _response, listed = get(client, LIST, language="en")

    lead = english["lead_photograph"]
    assert lead["alt"] == "The chief signs the agreement"
    assert lead["caption"] == "Signing"
    assert lead["credit"] == "Press service"
    assert (lead["width"], lead["height"]) == (photograph.width, photograph.height)
    assert russian["lead_photograph"]["alt"] == "Подписание"
    assert russian["lead_photograph"]["caption"] == ""
    stored = {
        (entry["kind"], entry["format"], entry["width"], entry["height"]): entry["name"]
        for entry in photograph.renditions
    }
    offered = {
        (entry["kind"], entry["format"], entry["width"], entry["height"]): entry["url"]
        for entry in lead["renditions"]
    }
    assert offered == {
        key: f"http://testserver{file_storage().url(name)}" for key, name in stored.items()
    }
    assert ("social", "jpeg", 1200, 630) in offered
    by_id = {item["id"]: item for item in listed["results"]}
    assert by_id[releases["old"].pk]["lead_photograph"] == lead
    assert by_id[releases["new"].pk]["lead_photograph"] is None


def test_a_decorative_lead_photograph_has_an_empty_alt_text(client, releases):
    show(releases["new"], ImageFactory(decorative=True))
    _response, english = get(client, f"{LIST}{releases['new'].pk}/", language="en")
    assert english["lead_photograph"]["alt"] == ""


def test_the_openapi_document_describes_the_lead_photograph(client):
    document = yaml.safe_load(client.get("/api/v1/schema/").content)
    schemas = document["components"]["schemas"]
    lead = schemas["Release"]["properties"]["lead_photograph"]
    reference = lead.get("allOf", [lead])[0]["$ref"].split("/")[-1]
    assert lead.get("nullable") is True
    photograph = schemas[reference]["properties"]
    assert {"alt", "caption", "credit", "width", "height", "renditions"} <= set(photograph)
    rendition = photograph["renditions"]["items"]["$ref"].split("/")[-1]
    assert {"kind", "format", "width", "height", "url"} <= set(schemas[rendition]["properties"])


def test_a_count_is_kept_per_content_state_and_per_filter_not_per_page(client, settings, releases):
    settings.KEEP_DERIVED_CONTENT = True
    cache.clear()
    counts = []

    def count_them(execute, sql, *args):
        counts.append(sql.lstrip().upper().startswith("SELECT COUNT"))
        return execute(sql, *args)

    with connection.execute_wrapper(count_them):
        _response, english = get(client, LIST, language="en", page_size=1)
        _response, page_two = get(client, LIST, language="en", page_size=1, page=2)
        _response, announcements = get(client, LIST, language="en", category="announcements")
        _response, russian = get(client, LIST, language="ru")

    assert (english["count"], page_two["count"]) == (3, 3)
    assert (announcements["count"], russian["count"]) == (1, 2)
    # The second page reused the first one's count; another filter or language counts anew.
    assert counts.count(True) == 3
    cache.clear()
