"""Security headers: a Content-Security-Policy without inline script, and what browsers may do."""

import re

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def script_sources(response):
    policy = response["Content-Security-Policy"]
    return re.search(r"script-src ([^;]*)", policy).group(1).split()


@pytest.mark.parametrize(
    "url", ["/az/", "/en/news/", "/ru/news/category/news/", "article", "/en/terms/", "/en/nowhere/"]
)
def test_public_pages_have_no_inline_script_and_no_per_request_nonce(client, url):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url("en") if url == "article" else url)
    html = response.content.decode()

    # A shared cache will keep these pages: nothing in them may differ from one request to the next.
    assert script_sources(response) == ["'self'"]
    assert "nonce" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", html)


def test_the_release_form_gives_its_import_map_the_requests_nonce(admin_client):
    first = admin_client.get("/admin/news/article/add/")
    second = admin_client.get("/admin/news/article/add/")
    nonces = [
        re.search(r"'nonce-([^']+)'", " ".join(script_sources(response))).group(1)
        for response in (first, second)
    ]

    assert nonces[0] != nonces[1]
    assert f'<script type="importmap" nonce="{nonces[0]}">' in first.content.decode()
    assert "'unsafe-inline'" not in first["Content-Security-Policy"]


def test_pages_refuse_frames_and_powerful_features(client):
    response = client.get("/az/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Permissions-Policy"] == (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
    )
