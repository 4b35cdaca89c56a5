"""The release form in a real browser: one language switch that opens on the original
language, and inputs a screen reader can name.

Uses the browser set-up of tests/browser/, and is skipped, or fails in CI, as every browser test is.
"""

import pytest

from tests.browser import ui
from tests.factories import ArticleFactory

pytest_plugins = ["tests.browser.fixtures"]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
expect = ui.expect
PASSWORD = "a-long-passphrase"


@pytest.fixture
def signed_in(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    return ui.sign_in(page, "editor", PASSWORD)


def name_of(browser, selector):
    """Return the element's accessible name as Chromium computes it."""
    session = browser.context.new_cdp_session(browser)
    document = session.send("DOM.getDocument", {"depth": 0})
    found = session.send(
        "DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector}
    )
    tree = session.send("Accessibility.getPartialAXTree", {"nodeId": found["nodeId"]})
    return tree["nodes"][0].get("name", {}).get("value", "")


def test_one_switch_opens_on_the_original_language_and_shows_one_language_at_a_time(
    signed_in, live_server
):
    article = ArticleFactory(original_language="en", title_en="Written in English first")
    browser = signed_in
    browser.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")

    tablists = browser.locator("[role=tablist]")
    expect(tablists).to_have_count(1)
    tabs = tablists.locator("[role=tab]")
    expect(tabs).to_have_count(3)
    assert browser.locator("[role=tab] a, .ui-tabs").count() == 0
    # Opened on English, the original, whatever the interface's language.
    expect(browser.locator("#release-tab-en")).to_have_attribute("aria-selected", "true")
    expect(browser.locator("#release-tab-en")).to_contain_text("original")
    assert browser.locator("#id_title_en").is_visible()
    assert not browser.locator("#id_title_az").is_visible()
    assert browser.input_value("#release-language-select") == "en"

    # A click shows every text of that language, and the select beside the heading follows.
    browser.click("#release-tab-ru")
    for field in ("title", "slug", "summary"):
        assert browser.locator(f"#id_{field}_ru").is_visible()
        assert not browser.locator(f"#id_{field}_en").is_visible()
    assert browser.locator(".prose-editor:has(#id_body_ru) > .ProseMirror").is_visible()
    assert browser.input_value("#release-language-select") == "ru"

    # Arrow keys move along the tabs, as in any tablist.
    browser.focus("#release-tab-ru")
    browser.keyboard.press("ArrowRight")
    expect(browser.locator("#release-tab-az")).to_be_focused()
    expect(browser.locator("#release-tab-az")).to_have_attribute("aria-selected", "true")
    assert browser.locator("#id_title_az").is_visible()

    # The select switches the tabs in turn.
    browser.select_option("#release-language-select", "en")
    expect(browser.locator("#release-tab-en")).to_have_attribute("aria-selected", "true")
    assert browser.locator("#id_title_en").is_visible()


def test_a_language_with_a_field_to_correct_opens_first(signed_in, live_server):
    browser = signed_in
    browser.goto(f"{live_server.url}/admin/news/article/add/")
    browser.select_option("#release-language-select", "ru")
    browser.fill("#id_slug_ru", "не латиница")
    browser.select_option("#release-language-select", "az")
    browser.fill("#id_title_az", "Başlıq")
    browser.select_option("#id_category", label="News")
    browser.click("input[name=_continue]")

    expect(browser.locator(".errornote")).to_have_count(1)
    expect(browser.locator("#release-tab-ru")).to_have_attribute("aria-selected", "true")
    assert browser.locator("#id_slug_ru").is_visible()


def test_release_date_time_and_body_have_accessible_names(signed_in, live_server):
    browser = signed_in
    browser.goto(f"{live_server.url}/admin/news/article/add/")
    browser.locator(".prose-editor:has(#id_body_az) [contenteditable]").wait_for()

    assert name_of(browser, "#id_published_at_0") == "Date"
    assert name_of(browser, "#id_published_at_1") == "Time"
    assert name_of(browser, "#release-language-select") == "Language of the text"
    assert name_of(browser, ".prose-editor:has(#id_body_az) [contenteditable]") == "Body:"
    # The toolbar's tooltips come from our catalogue: "Bulleted list", not "unordered list".
    toolbar = browser.locator(".prose-editor:has(#id_body_az) .prose-menubar")
    assert toolbar.locator('[data-name="bulletList"]').get_attribute("title") == "Bulleted list"


def test_without_javascript_every_language_is_shown(browser_without_script, live_server):
    browser = browser_without_script
    browser.goto(f"{live_server.url}/admin/news/article/add/")

    for code in ("az", "en", "ru"):
        assert browser.locator(f"#id_title_{code}").is_visible()
    assert not browser.locator("[role=tablist]").is_visible()


@pytest.fixture
def browser_without_script(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("plain", "plain@example.org", "a-long-passphrase")
    context = page.context.browser.new_context(java_script_enabled=False, locale="en-GB")
    plain = context.new_page()
    plain.goto(f"{live_server.url}/admin/login/")
    plain.fill("#id_username", "plain")
    plain.fill("#id_password", "a-long-passphrase")
    plain.click("input[type=submit]")
    yield plain
    context.close()
