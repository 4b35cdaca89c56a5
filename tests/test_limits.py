"""What may be stored: release dates in a sane window, texts within their limits and free of
control characters, a name and an address for every category in every language. Each rule
holds at the admin's forms and in the database; migration 0007 repairs rows stored before.
"""

import io
import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from news.limits import BODY_MAX_LENGTH, release_date_window
from news.models import Article, Category, ChangeNote
from tests.factories import ArticleFactory
from tests.newsroom import change_url, errors, fresh, new_release, page, save

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

BAKU = ZoneInfo("Asia/Baku")


def refused_by_the_database(queryset, **changes):
    """Say whether the database refuses to store ``changes`` on ``queryset``."""
    try:
        with transaction.atomic():
            queryset.update(**changes)
    except IntegrityError:
        return True
    return False


# Release dates


@pytest.mark.parametrize(
    "published_at",
    ["0001-01-01 00:00:00", "1989-12-31 23:59:59", "9999-12-31 23:59:59", "2126-01-01 10:00:00"],
)
def test_the_admin_refuses_a_release_date_outside_the_window(publisher, frozen, published_at):
    response = save(publisher.client, **new_release("published", published_at=published_at))

    assert errors(response)["published_at"] == ["Give a date from 1 January 1990 to 4 June 2125."]
    assert not Article.objects.exists()


def test_releases_at_the_edges_of_the_window_keep_every_page_working(
    publisher, client, frozen, tmp_path
):
    earliest, latest = release_date_window()
    for when, title in ((earliest, "Earliest"), (latest, "Latest")):
        stamp = when.strftime("%Y-%m-%d %H:%M:%S")
        response = save(
            publisher.client, **new_release("published", published_at=stamp, title_en=title)
        )
        assert response.status_code == 302, title
    first = Article.objects.get(title_en="Earliest")
    assert first.published_at == datetime(1990, 1, 1, tzinfo=BAKU)

    for url in (reverse("admin:news_article_changelist"), change_url(first)):
        assert publisher.client.get(url).status_code == 200, url
    assert "Earliest" in page(client.get("/en/news/"))
    assert client.get(first.get_absolute_url("en")).status_code == 200
    exported = tmp_path / "releases.json"
    call_command("export_articles", str(exported), stdout=io.StringIO())
    records = json.loads(exported.read_text(encoding="utf-8"))
    assert [record["published_at"] for record in records] == [
        "1990-01-01T00:00:00+04:00",
        timezone.localtime(latest).replace(microsecond=0).isoformat(),
    ]


@pytest.mark.parametrize(
    "changes",
    [
        {"published_at": datetime(1, 1, 1, tzinfo=UTC)},
        {"published_at": datetime(1989, 12, 31, 9, 59, tzinfo=UTC)},
        {"published_at": datetime(3000, 1, 1, tzinfo=UTC)},
        {"withdrawn_at": datetime(1, 1, 1, tzinfo=UTC)},
        {"withdrawn_at": datetime(9999, 12, 30, tzinfo=UTC)},
    ],
)
def test_the_database_refuses_dates_outside_its_fixed_bounds(changes):
    article = ArticleFactory(withdrawn=True)

    assert refused_by_the_database(Article.objects.filter(pk=article.pk), **changes)


# Texts


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title_en", "x" * 256, "Ensure this value has at most 255 characters (it has 256)."),
        ("summary_en", "x" * 2001, "Ensure this value has at most 2000 characters (it has 2001)."),
        ("summary_az", "Bir\x00iki", "Null characters are not allowed."),
        (
            "title_ru",
            "Звонок\x07",
            "Remove the invisible control character U+0007 at position 7: it cannot be stored.",
        ),
        (
            "body_en",
            "<p>" + "x" * BODY_MAX_LENGTH + "</p>",
            f"Ensure this value has at most {BODY_MAX_LENGTH} characters (it has "
            f"{BODY_MAX_LENGTH + 7}).",
        ),
    ],
)
def test_the_admin_refuses_text_over_its_limit_or_with_control_characters(
    publisher, field, value, message
):
    response = save(publisher.client, **new_release("draft", **{field: value}))

    assert errors(response)[field] == [message]
    assert not Article.objects.exists()


def test_tabs_and_line_breaks_are_welcome(publisher):
    summary = "Birinci sətir.\r\nİkinci\tsətir."

    response = save(publisher.client, **new_release("draft", summary_az=summary))

    assert response.status_code == 302
    assert Article.objects.get().summary_az == summary


def test_a_body_is_measured_as_it_is_stored(publisher):
    """Attributes the cleaner removes do not count; the limit is on what visitors get."""
    body = '<p style="color: red">' + "x" * (BODY_MAX_LENGTH - 7) + "</p>"

    response = save(publisher.client, **new_release("draft", body_en=body))

    assert response.status_code == 302
    assert len(Article.objects.get().body_en) == BODY_MAX_LENGTH


@pytest.mark.parametrize(
    ("field", "value"),
    [("withdrawal_reason_az", "x" * 1001), ("review_remark", "x" * 5001)],
)
def test_the_admin_refuses_a_long_reason_or_remark(publisher, field, value):
    article = ArticleFactory(submitted=True)

    response = save(publisher.client, article, status="draft", **{field: value})

    assert field in errors(response)
    assert fresh(article).status == "submitted"


def test_the_admin_refuses_a_long_change_note(publisher):
    article = ArticleFactory()

    response = save(publisher.client, article, change_kind="major", change_note="x" * 1001)

    assert errors(response)["change_note"] == [
        "Ensure this value has at most 1000 characters (it has 1001)."
    ]
    assert not ChangeNote.objects.exists()


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("summary_en", 2000),
        ("body_ru", BODY_MAX_LENGTH),
        ("withdrawal_reason_az", 1000),
        ("review_remark", 5000),
    ],
)
def test_the_database_refuses_text_over_its_limit(field, limit):
    article = ArticleFactory()
    releases = Article.objects.filter(pk=article.pk)

    assert not refused_by_the_database(releases, **{field: "x" * limit})
    assert refused_by_the_database(releases, **{field: "x" * (limit + 1)})


def test_the_database_refuses_a_long_change_note():
    note = ChangeNote.objects.create(article=ArticleFactory(), note="Düzəliş.", language="az")

    assert refused_by_the_database(ChangeNote.objects.filter(pk=note.pk), note="x" * 1001)


# Categories


def category_form(**changes):
    data = {"key": "reports", "position": 7}
    for code, name in (("az", "Hesabatlar"), ("en", "Reports"), ("ru", "Отчёты")):
        data[f"name_{code}"] = name
        data[f"slug_{code}"] = ""
    return {**data, **changes}


def test_a_category_needs_a_name_in_every_language(superuser):
    for code in ("az", "en", "ru"):
        response = superuser.post(
            reverse("admin:news_category_add"), category_form(**{f"name_{code}": ""})
        )
        assert response.status_code == 200, code
        assert f"name_{code}" in response.context["adminform"].form.errors, code
    assert not Category.objects.filter(key="reports").exists()


def test_a_category_slug_left_empty_is_made_from_its_name(superuser, client):
    response = superuser.post(reverse("admin:news_category_add"), category_form())

    assert response.status_code == 302
    category = Category.objects.get(key="reports")
    assert (category.slug_az, category.slug_en, category.slug_ru) == (
        "hesabatlar",
        "reports",
        "otchyoty",
    )
    assert client.get("/en/news/category/reports/").status_code == 200
    assert client.get("/ru/").status_code == 200


def test_a_category_slug_another_category_has_in_that_language_is_refused(superuser):
    response = superuser.post(reverse("admin:news_category_add"), category_form(name_en="News"))

    assert response.status_code == 200
    assert "slug_en" in str(response.context["adminform"].form.errors)
    assert not Category.objects.filter(key="reports").exists()


@pytest.mark.parametrize("changes", [{"slug_en": ""}, {"slug_ru": None}, {"name_az": ""}])
def test_the_database_refuses_a_category_without_a_name_or_slug(news_category, changes):
    assert refused_by_the_database(Category.objects.filter(pk=news_category.pk), **changes)


def test_the_database_refuses_two_categories_at_one_address(news_category, announcements):
    categories = Category.objects.filter(pk=announcements.pk)

    assert refused_by_the_database(categories, slug_en=news_category.slug_en)


def test_the_window_runs_a_century_ahead_from_today(frozen):
    assert release_date_window() == (
        datetime(1990, 1, 1, tzinfo=BAKU),
        datetime(2125, 6, 4, 1, 30, tzinfo=BAKU),
    )
