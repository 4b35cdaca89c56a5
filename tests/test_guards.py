"""Malformed addresses are refused with 400 or 404 before the database sees them."""

import re

import pytest
from django.test import override_settings

from news import agency
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/az/news/category/%00/",
        "/az/news/%00/",
        "/en/news/1/slug%00/",
        "/az/news/?page=%00",
        "/az/news/?page=1%012",
        "/az/news/?%00=1",
        "/ru/%7F/",
        "/az/news/category/news%09/",
    ],
)
def test_control_characters_in_the_address_are_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Ünvan düzgün deyil." in response.content.decode()


def test_control_characters_in_an_admin_search_are_a_400(admin_client):
    response = admin_client.get("/admin/news/article/", {"q": "mətn\x00"})
    assert response.status_code == 400


def test_letters_of_every_language_in_the_query_string_are_fine(client):
    assert client.get("/az/news/", {"q": "Ölçü Ёлка"}).status_code == 200


def test_tabs_and_line_breaks_pasted_into_a_search_are_fine(client):
    assert client.get("/az/search/", {"q": "Dövlət\tMiqrasiya\r\nXidməti"}).status_code == 200
    assert client.get("/az/news/", {"page": "1\n2"}).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/az/news/99999999999999999999/",
        "/az/news/9223372036854775808/slug/",
        "/az/news/0/",
        "/az/news/007/",
        "/az/news/category/not%20a%20slug/",
        "/az/news/category/%C3%B6l%C3%A7%C3%BC/",
    ],
)
def test_ids_and_slugs_the_database_could_not_take_are_a_404(client, url):
    assert client.get(url).status_code == 404


def test_a_real_release_is_still_found_by_its_id(client):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url("en")).status_code == 200


@pytest.mark.parametrize("path", ["//evil.example/az/news/", "//[/az/news/", "//]/en/"])
def test_a_404_at_a_protocol_relative_path_links_only_to_this_site(client, path):
    # As a server receives it: the test client would read "//evil.example" as the host.
    response = client.get("/", PATH_INFO=path)

    assert response.status_code == 404
    links = re.findall(r'href="([^#"][^"]*)"', response.content.decode())
    assert "/en/" in links
    # The footer's links to the agency's own services are written out; every other link is
    # a path of this site, never one made from the address asked for.
    services = (agency.PORTAL_URL, agency.E_SERVICES_URL, "tel:", "mailto:")
    assert all(
        link.startswith(services) or (link.startswith("/") and not link.startswith("//"))
        for link in links
    ), links
    assert path.split("/")[2] not in " ".join(links)


@override_settings(DEBUG=False)
def test_a_404_keeps_its_language_links_on_this_site(client):
    html = client.get("/en/no-such-page/").content.decode()
    assert 'href="/az/"' in html
    assert 'href="/ru/"' in html
