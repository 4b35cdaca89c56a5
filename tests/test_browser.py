"""Journeys through a real browser: what only JavaScript and CSS can get right or wrong.

Needs Debian's Chromium (/usr/bin/chromium) and Playwright from PyPI. A developer's bare
machine skips these tests with the reason; CI (CI=true) installs both and fails without them.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.db import connections

from news.text import make_slug
from tests.factories import ArticleFactory

CHROMIUM = "/usr/bin/chromium"

try:
    from playwright import sync_api
except ImportError:
    if settings.CI:
        raise
    pytest.skip("Playwright is not installed", allow_module_level=True)

if not shutil.which(CHROMIUM):
    if settings.CI:
        raise RuntimeError(f"Chromium is not installed at {CHROMIUM}; CI must run these tests")
    pytest.skip(f"Chromium is not installed at {CHROMIUM}", allow_module_level=True)

# The live server reads what the test writes, so the data must really be committed; the
# categories from the data migrations are put back for each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLES = {
    "az": "İşçi qüvvəsinin Ağdam və Gəncə üzrə ŞƏKİ ÇÖL Ölçüləri",
    "en": "Visa-free entry: rules for 2021",
    "ru": "Объявление: щедрый приём в Ёлкино",
}


@pytest.fixture
def page():
    """A fresh browser page, started after the test's database is ready.

    Playwright runs an event loop in this thread, which Django's connection handling treats as
    another context; starting it per test keeps the database set-up outside that loop.
    """
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_context(locale="en-GB").new_page()
        page.set_default_timeout(10_000)
        # Chromium reports every script or style the Content-Security-Policy blocked here.
        page.csp_violations = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and page.csp_violations.append(message.text)
            ),
        )
        yield page
        browser.close()
        # Connections the test opened inside Playwright's loop belong to that context.
        connections.close_all()
    assert page.csp_violations == [], "the page broke its own Content-Security-Policy"


@pytest.fixture
def signed_in(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-passphrase")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-passphrase")
    page.click("input[type=submit]")
    return page


def test_language_tabs_switch_and_typed_slugs_match_the_servers(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/admin/news/article/add/")

    for index, (language, title) in enumerate(TITLES.items()):
        # One switch shows every field's tab of that language, and hides the others.
        page.select_option("#release-language-select", index=index)
        assert page.locator(f"#id_title_{language}").is_visible()
        hidden = [code for code in TITLES if code != language]
        assert not any(page.locator(f"#id_title_{code}").is_visible() for code in hidden)

        page.locator(f"#id_title_{language}").fill(title)
        assert page.locator(f"#id_slug_{language}").input_value() == make_slug(title)


def test_a_slug_edited_by_hand_is_left_alone(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/admin/news/article/add/")
    page.select_option("#release-language-select", value="az")
    page.locator("#id_slug_az").fill("oz-unvanim")
    page.locator("#id_title_az").fill("Yeni başlıq")

    assert page.locator("#id_slug_az").input_value() == "oz-unvanim"


def test_visitor_switches_language_on_a_release(page, live_server):
    article = ArticleFactory(title_az="Görüş keçirilib", title_en="Meeting held")
    page.goto(f"{live_server.url}{article.get_absolute_url('az')}")
    assert page.locator("html").get_attribute("lang") == "az"

    page.click(".language-switcher a[lang=en]")

    assert page.url == f"{live_server.url}{article.get_absolute_url('en')}"
    assert page.locator("h1").inner_text() == "Meeting held"
    assert page.locator("html").get_attribute("lang") == "en"


def test_press_officer_writes_publishes_and_withdraws_a_release(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/admin/news/article/add/")
    page.select_option("#release-language-select", value="az")
    page.locator("#id_title_az").fill("Brauzerdə yazılmış press-reliz")
    page.locator("#id_summary_az").fill("Qısa məzmun.")
    # The body is a ProseMirror editor: the visitor-facing text is typed into it.
    page.locator(".prose-editor:has(#id_body_az) > .ProseMirror").click()
    page.keyboard.type("Mətnin birinci abzası.")
    page.select_option("#id_category", label="News")
    page.select_option("#id_status", value="published")
    page.click("input[name=_continue]")

    sync_api.expect(page.locator(".messagelist .success")).to_have_count(1)
    page.goto(f"{live_server.url}/az/news/")
    page.click("text=Brauzerdə yazılmış press-reliz")
    assert page.locator(".release__body").inner_text().strip() == "Mətnin birinci abzası."
    release_url = page.url

    page.goto(f"{live_server.url}/admin/news/article/")
    page.click("text=Brauzerdə yazılmış press-reliz")
    page.select_option("#id_status", value="withdrawn")
    page.select_option("#release-language-select", value="az")
    page.locator("details:has(#id_withdrawal_reason_az) summary").click()
    page.locator("#id_withdrawal_reason_az").fill("Səhvən dərc edilib.")
    page.check("#id_change_kind_0")
    page.click("input[name=_continue]")

    sync_api.expect(page.locator(".messagelist .success")).to_have_count(1)
    page.goto(release_url)
    sync_api.expect(page.locator(".notice--withdrawn")).to_contain_text("Səhvən dərc edilib.")


def test_the_editor_and_the_tabs_work_under_the_content_security_policy(signed_in, live_server):
    page = signed_in
    response = page.goto(f"{live_server.url}/admin/news/article/add/")
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]

    page.select_option("#release-language-select", value="en")
    page.locator("#id_title_en").fill("Written under a strict policy")
    page.locator("#id_summary_en").fill("Nothing inline may run.")
    page.locator(".prose-editor:has(#id_body_en) > .ProseMirror").click()
    page.keyboard.type("Bold words follow: ")
    page.keyboard.press("Control+b")
    page.keyboard.type("strong")
    page.select_option("#id_category", label="News")
    page.click("input[name=_continue]")

    sync_api.expect(page.locator(".messagelist .success")).to_have_count(1)
    # The editor came up (it would not have without its import map) and saved its markup.
    assert "<strong>strong</strong>" in page.locator("#id_body_en").input_value()
    assert page.csp_violations == []


def test_public_pages_carry_no_inline_script(page, live_server):
    ArticleFactory()
    page.goto(f"{live_server.url}/en/")
    inline = page.locator("script:not([src]):not([type='application/ld+json'])")
    assert inline.count() == 0
