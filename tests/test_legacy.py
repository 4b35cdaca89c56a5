"""The old site's addresses of releases answer 301 to the release's page, or 404."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

OLD_FORMS = [
    "/{lang}/news_detail/{id}",
    "/{lang}/news_detail/{id}/",
    "/{lang}/press_detail/{id}",
    "/index.php/{lang}/news_detail/{id}",
    "/index.php/{lang}/press_detail/{id}/",
]


@pytest.mark.parametrize("form", OLD_FORMS)
@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_an_old_address_moves_permanently_to_the_release_in_its_language(client, form, language):
    article = ArticleFactory(legacy_id=8787)
    response = client.get(form.format(lang=language, id=8787))

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url(language)
    assert client.get(response["Location"]).status_code == 200


def test_a_language_the_release_lacks_leads_to_its_page_in_that_language(client):
    article = ArticleFactory(legacy_id=8788, without_russian=True)
    response = client.get("/ru/news_detail/8788")

    assert response["Location"] == article.get_absolute_url("ru")
    page = client.get(response["Location"])
    # The release's page explains that it is shown in another language.
    assert page.status_code == 200
    assert 'content="noindex"' in page.content.decode()


def test_a_withdrawn_release_still_answers_where_it_stands(client):
    article = ArticleFactory(legacy_id=8789, withdrawn=True)
    response = client.get("/en/news_detail/8789")
    assert response["Location"] == article.get_absolute_url("en")


@pytest.mark.parametrize(
    "traits", [{"draft": True}, {"submitted": True}, {"scheduled": True}, {"in_trash": True}]
)
def test_a_release_that_is_not_on_record_is_not_found(client, traits):
    ArticleFactory(legacy_id=8790, **traits)
    for form in OLD_FORMS:
        assert client.get(form.format(lang="az", id=8790)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/az/news_detail/404404",
        "/az/news_detail/abc",
        "/az/news_detail/0",
        "/az/news_detail/9999999999",
        "/az/news_detail/99999999999999999999",
        "/az/news_detail/-5",
        "/index.php/de/news_detail/8787",
        "/index.php/az/other_detail/8787",
    ],
)
def test_unknown_or_malformed_old_addresses_are_not_found(client, path):
    ArticleFactory(legacy_id=8787)
    assert client.get(path).status_code == 404
