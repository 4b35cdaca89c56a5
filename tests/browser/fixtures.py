"""Fixtures of the browser tests: one Chromium for each test, a fresh context for each page.

Import them into a test module: ``from tests.browser.fixtures import browser, new_page, page``.
Every page fails its test on a Content-Security-Policy violation Chromium reports, and on any
request to a host other than the live server: the site loads nothing from elsewhere.
"""

import os
from urllib.parse import urlsplit

import pytest
from django.db import connections

from tests.browser.tools import CHROMIUM, require_browser, sync_api
from tests.browser.ui import DESKTOP

# Playwright's synchronous API keeps an event loop in the test's thread while it runs; Django
# would otherwise refuse every database query a test makes while the browser is open.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser(live_server):
    """Debian's Chromium, headless, for one test; its pages each get a context of their own.

    Not shared across tests: while Playwright's loop runs, Django's connections belong to
    another context, so the next test's database set-up (the data migrations' rows put back
    after a transactional test) would not reach the database. Started after the live server
    and the database, and stopped before their teardown, it stays out of their way; Chromium
    starts in well under a second.
    """
    require_browser()
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def serve_media(settings):
    settings.ROOT_URLCONF = "tests.browser.urls"


@pytest.fixture
def new_page(browser, live_server, serve_media):
    """Return a function opening a page in a context of its own (own cookies, own window)."""
    own_host = urlsplit(live_server.url).netloc
    opened = []

    def open_page(viewport=DESKTOP, locale="en-GB"):
        context = browser.new_context(viewport=viewport, locale=locale)
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.base_url = live_server.url
        page.csp_violations = []
        page.foreign_requests = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and page.csp_violations.append(message.text)
            ),
        )
        page.on(
            "request",
            lambda request: (
                urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
                and urlsplit(request.url).netloc != own_host
                and page.foreign_requests.append(request.url)
            ),
        )
        opened.append((context, page))
        return page

    yield open_page
    for context, _page in opened:
        context.close()
    # Connections opened inside Playwright's loop belong to that context; close them here.
    connections.close_all()
    for _context, page in opened:
        assert page.csp_violations == [], "the page broke its own Content-Security-Policy"
        assert page.foreign_requests == [], "the page asked another host for something"


@pytest.fixture
def page(new_page):
    """A page in a desktop window of 1366 × 900, asking for English."""
    return new_page()
