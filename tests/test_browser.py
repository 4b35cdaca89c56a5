"""Journeys through a real browser: what only JavaScript and CSS can get right or wrong.

Needs Debian's Chromium (/usr/bin/chromium) and Playwright from PyPI. A developer's bare
machine skips these tests with the reason; CI (CI=true) installs both and fails without them.
"""

import pytest

from news.text import make_slug
from tests.browser import ui
from tests.factories import ArticleFactory

pytest_plugins = ["tests.browser.fixtures"]
# The live server reads what the test writes, so the data must really be committed; the
# categories from the data migrations are put back for each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
expect = ui.expect
PASSWORD = "a-long-passphrase"

TITLES = {
    "az": "İşçi qüvvəsinin Ağdam və Gəncə üzrə ŞƏKİ ÇÖL Ölçüləri",
    "en": "Visa-free entry: rules for 2021",
    "ru": "Объявление: щедрый приём в Ёлкино",
}


@pytest.fixture
def signed_in(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    return ui.sign_in(page, "editor", PASSWORD)


def test_language_tabs_switch_and_typed_slugs_match_the_servers(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/admin/news/article/add/")

    for language, title in TITLES.items():
        # One switch shows every field's tab of that language, and hides the others.
        ui.show_language(page, language)
        assert page.locator(f"#id_title_{language}").is_visible()
        hidden = [code for code in TITLES if code != language]
        assert not any(page.locator(f"#id_title_{code}").is_visible() for code in hidden)

        page.locator(f"#id_title_{language}").fill(title)
        assert page.locator(f"#id_slug_{language}").input_value() == make_slug(title)


def test_a_slug_edited_by_hand_is_left_alone(signed_in, live_server):
    page = signed_in
    page.goto(f"{live_server.url}/admin/news/article/add/")
    ui.show_language(page, "az")
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
    ui.show_language(page, "az")
    page.locator("#id_title_az").fill("Brauzerdə yazılmış press-reliz")
    page.locator("#id_summary_az").fill("Qısa məzmun.")
    # The body is a ProseMirror editor: the visitor-facing text is typed into it.
    ui.body_editor(page, "az").click()
    page.keyboard.type("Mətnin birinci abzası.")
    page.select_option("#id_category", label="News")
    page.select_option("#id_status", value="published")
    page.click("input[name=_continue]")

    expect(page.locator(".messagelist .success")).to_have_count(1)
    page.goto(f"{live_server.url}/az/news/")
    page.click("text=Brauzerdə yazılmış press-reliz")
    assert page.locator(".release__body").inner_text().strip() == "Mətnin birinci abzası."
    release_url = page.url

    page.goto(f"{live_server.url}/admin/news/article/")
    page.click("text=Brauzerdə yazılmış press-reliz")
    page.select_option("#id_status", value="withdrawn")
    ui.show_language(page, "az")
    page.locator("details:has(#id_withdrawal_reason_az) summary").click()
    page.locator("#id_withdrawal_reason_az").fill("Səhvən dərc edilib.")
    page.check("#id_change_kind_0")
    page.click("input[name=_continue]")

    expect(page.locator(".messagelist .success")).to_have_count(1)
    page.goto(release_url)
    expect(page.locator(".notice--withdrawn")).to_contain_text("Səhvən dərc edilib.")


def test_the_editor_and_the_tabs_work_under_the_content_security_policy(signed_in, live_server):
    page = signed_in
    response = page.goto(f"{live_server.url}/admin/news/article/add/")
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]

    ui.show_language(page, "en")
    page.locator("#id_title_en").fill("Written under a strict policy")
    page.locator("#id_summary_en").fill("Nothing inline may run.")
    ui.body_editor(page, "en").click()
    page.keyboard.type("Bold words follow: ")
    page.keyboard.press("Control+b")
    page.keyboard.type("strong")
    page.select_option("#id_category", label="News")
    page.click("input[name=_continue]")

    expect(page.locator(".messagelist .success")).to_have_count(1)
    # The editor came up (it would not have without its import map) and saved its markup.
    assert "<strong>strong</strong>" in page.locator("#id_body_en").input_value()
    assert page.csp_violations == []


def test_public_pages_carry_no_inline_script(page, live_server):
    ArticleFactory()
    page.goto(f"{live_server.url}/en/")
    inline = page.locator("script:not([src]):not([type='application/ld+json'])")
    assert inline.count() == 0
