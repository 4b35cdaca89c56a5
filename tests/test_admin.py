"""The press officer's admin: tabbed languages, completeness at a glance, slugs, authorship."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def article_form_data(category, **overrides):
    data = {
        "category": category.pk,
        "status": "published",
        "published_at_0": "2024-05-01",
        "published_at_1": "10:00:00",
        "legacy_id": "",
        "original_language": "az",
        "title_az": "Dövlət Miqrasiya Xidmətində yeni xidmət",
        "slug_az": "",
        "summary_az": "Qısa məzmun.",
        "body_az": "<p>Mətn.</p>",
    }
    for language in ("en", "ru"):
        data.update({f"{field}_{language}": "" for field in ("title", "slug", "summary", "body")})
    data.update(overrides)
    return data


def test_add_and_change_pages_open_with_the_language_switch(admin_client):
    article = ArticleFactory()
    add = admin_client.get(reverse("admin:news_article_add"))
    change = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))

    for response in (add, change):
        html = response.content.decode()
        assert response.status_code == 200
        assert 'name="title_az"' in html
        assert 'name="title_ru"' in html
        assert "news/admin/release-languages" in html  # the language switch
        assert "django_prose_editor" in html  # the body editor, served from the package
        assert 'data-slug-source="id_title_en"' in html


def test_press_officer_publishes_in_azerbaijani_and_visitors_see_it(
    admin_client, admin_user, news_category, client
):
    response = admin_client.post(
        reverse("admin:news_article_add"), article_form_data(news_category)
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug_az == "dovlet-miqrasiya-xidmetinde-yeni-xidmet"
    assert article.author == admin_user
    assert article.complete_languages == ["az"]
    html = client.get("/az/news/").content.decode()
    assert "Dövlət Miqrasiya Xidmətində yeni xidmət" in html
    # Not translated yet: English visitors get the Azerbaijani text, marked as such.
    english = client.get(article.get_absolute_url("en")).content.decode()
    assert '<h1 lang="az">Dövlət Miqrasiya Xidmətində yeni xidmət</h1>' in english


def test_body_from_the_admin_is_sanitised(admin_client, news_category):
    body = (
        '<p onclick="steal()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p>'
    )
    admin_client.post(
        reverse("admin:news_article_add"), article_form_data(news_category, body_az=body)
    )

    stored = Article.objects.get().body_az
    assert "script" not in stored
    assert "onclick" not in stored
    assert "javascript:" not in stored


def test_release_without_any_title_is_refused_with_a_message(admin_client, news_category):
    response = admin_client.post(
        reverse("admin:news_article_add"),
        article_form_data(news_category, title_az=""),
        headers={"accept-language": "en"},
    )

    assert response.status_code == 200
    assert "Give the release a title in at least one language." in response.content.decode()
    assert not Article.objects.exists()


def test_change_list_shows_date_title_category_status_and_languages(admin_client):
    ArticleFactory(without_russian=True, title_az="Siyahıdakı buraxılış")
    response = admin_client.get(reverse("admin:news_article_changelist"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Siyahıdakı buraxılış" in html
    assert "AZ ●" in html  # the original
    assert "EN ✓" in html
    assert "RU ✗" in html


def test_change_list_filters_by_missing_language_and_searches_every_language(admin_client):
    ArticleFactory(title_az="Tam buraxılış", title_ru="Полный выпуск")
    ArticleFactory(without_russian=True, title_az="Rus dili gözlənilir")
    url = reverse("admin:news_article_changelist")

    missing = admin_client.get(url, {"missing": "ru"}).content.decode()
    assert "Rus dili gözlənilir" in missing
    assert "Tam buraxılış" not in missing

    found = admin_client.get(url, {"q": "Полный"})
    assert [str(article) for article in found.context["cl"].result_list] == ["Tam buraxılış"]
    assert admin_client.get(url, {"q": "no such words"}).context["cl"].result_count == 0


def test_category_admin_pages_open(admin_client, news_category):
    assert admin_client.get(reverse("admin:news_category_changelist")).status_code == 200
    change = admin_client.get(reverse("admin:news_category_change", args=[news_category.pk]))
    assert change.status_code == 200
    assert 'data-slug-source="id_name_az"' in change.content.decode()


def test_admin_pages_load_every_asset_from_our_own_host(admin_client, news_category):
    article = ArticleFactory()
    pages = {
        "release": reverse("admin:news_article_change", args=[article.pk]),
        "category": reverse("admin:news_category_change", args=[news_category.pk]),
    }
    assets = {
        name: re.findall(
            r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', admin_client.get(url).content.decode()
        )
        for name, url in pages.items()
    }

    # The categories' form keeps modeltranslation's tabs and their jQuery UI; releases do not.
    assert any("jquery-ui" in asset for asset in assets["category"])
    assert not any("jquery-ui" in asset for asset in assets["release"])
    for found in assets.values():
        assert [a for a in found if urlsplit(a).netloc or not a.startswith("/")] == []


def test_body_from_the_admin_keeps_the_text_after_an_unclosed_element(admin_client, news_category):
    body = "<p>Bir.</p><title><p>İki, <strong>qalın</strong>.</p>"
    admin_client.post(
        reverse("admin:news_article_add"), article_form_data(news_category, body_az=body)
    )

    assert Article.objects.get().body_az == "<p>Bir.</p><p>İki, <strong>qalın</strong>.</p>"
