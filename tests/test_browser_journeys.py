"""What a visitor, a press officer and a translator do on the site, in a real browser.

Each journey goes through the live server as a person would, by the pointer or the keyboard
alone; the steps in the interface are in tests/browser/ui.py. Skipped on a bare machine, as
every browser test is (see tests/browser/tools.py).
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group

from news.models import Article, Image
from tests.browser import ui
from tests.browser.ui import DESKTOP, PHONE
from tests.factories import ArticleFactory, ImageFactory, picture

pytest_plugins = ["tests.browser.fixtures"]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
expect = ui.expect

PASSWORD = "a-long-passphrase"
MARCH = datetime(2024, 3, 12, 11, 0, tzinfo=ZoneInfo("Asia/Baku"))
REFUGEES = {
    "title_az": "Qaçqınlara yeni sənədlər verilib",
    "title_en": "Refugees receive new documents",
    "title_ru": "Беженцы получили новые документы",
}


@pytest.fixture
def release(db):
    """A release of March 2024 in three languages, among two others."""
    ArticleFactory.create_batch(2)
    return ArticleFactory(published_at=MARCH, **REFUGEES)


def staff_member(django_user_model, username, group, first_name, last_name):
    user = django_user_model.objects.create_user(
        username, password=PASSWORD, is_staff=True, first_name=first_name, last_name=last_name
    )
    user.groups.add(Group.objects.get(name=group))
    return user


# The visitor


def test_visitor_reads_switches_language_searches_and_follows_the_archive_and_feed(page, release):
    page.goto(f"{page.base_url}/az/")
    page.get_by_role("link", name=REFUGEES["title_az"]).click()
    expect(page.locator("h1")).to_have_text(REFUGEES["title_az"])

    ui.switch_language(page, "en")
    expect(page.locator("h1")).to_have_text(REFUGEES["title_en"])
    assert page.locator("html").get_attribute("lang") == "en"
    ui.switch_language(page, "ru")
    expect(page.locator("h1")).to_have_text(REFUGEES["title_ru"])

    ui.switch_language(page, "az")
    # Typed without Azerbaijani letters, as on a keyboard without them.
    ui.search(page, "qacqinlara senedler")
    assert ui.search_results(page) == [REFUGEES["title_az"]]

    page.goto(f"{page.base_url}/az/news/archive/")
    page.locator('main a[href="/az/news/2024/03/"]').click()
    expect(page.get_by_role("link", name=REFUGEES["title_az"])).to_be_visible()

    feed = page.request.get(page.base_url + ui.feed_address(page))
    assert feed.ok
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert REFUGEES["title_az"] in feed.text()


@pytest.mark.parametrize("window", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_visitor_with_the_keyboard_alone_skips_to_content_searches_and_switches_language(
    new_page, release, window
):
    page = new_page(viewport=window)
    page.goto(f"{page.base_url}/az/")

    page.keyboard.press("Tab")
    skip = ui.focused(page)
    assert skip["href"] == "#main"
    assert skip["onScreen"], "the skip link must come into view when it has the focus"
    assert skip["ring"], "the focus must show on the skip link"
    page.keyboard.press("Enter")
    assert ui.focused(page)["id"] == "main"

    page.reload()
    stops = ui.tab_to(page, lambda stop: stop["type"] == "search")
    assert [stop for stop in stops if not (stop["ring"] and stop["onScreen"])] == []
    page.keyboard.type("qacqin")
    page.keyboard.press("Enter")
    page.wait_for_url("**/az/search/?q=qacqin")
    assert ui.search_results(page) == [REFUGEES["title_az"]]

    # From a result to the release, then to its English version, by the keyboard too.
    ui.tab_to(page, lambda stop: stop["text"] == REFUGEES["title_az"])
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(REFUGEES["title_az"])
    stops = ui.tab_to(page, lambda stop: stop["hreflang"] == "en")
    assert [stop for stop in stops if not (stop["ring"] and stop["onScreen"])] == []
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(REFUGEES["title_en"])
    assert page.locator("html").get_attribute("lang") == "en"


# The press officer


def test_press_officer_writes_illustrates_previews_publishes_updates_and_withdraws(
    page, django_user_model, tmp_path
):
    staff_member(django_user_model, "leyla", "Publishers", "Leyla", "Məmmədova")
    photo = tmp_path / "gorus.jpg"
    picture(1200, 800).save(photo, format="JPEG")
    ui.sign_in(page, "leyla", PASSWORD)

    page.goto(f"{page.base_url}/admin/news/image/add/")
    page.set_input_files("#id_upload", str(photo))
    ui.fill(page, "alt", "az", "Rəis qaçqın ailələri ilə görüşür")
    page.fill("#id_credit", "Mətbuat xidməti")
    ui.save(page)
    ui.expect_saved(page)
    image = Image.objects.get()

    title = "Qaçqın ailələrinə mənzil verilib"
    page.goto(f"{page.base_url}/admin/news/article/add/")
    ui.fill(page, "title", "az", title)
    ui.fill(page, "summary", "az", "Ailələr yeni mənzillərə köçüb.")
    ui.fill_body(page, "az", "<p>Bu gün <strong>otuz ailə</strong> yeni mənzil alıb.</p>")
    ui.choose(page, "category", label="News")
    ui.set_lead_photograph(page, image)
    ui.save(page)
    ui.expect_saved(page)
    article = Article.objects.get()
    assert "<strong>otuz ailə</strong>" in article.body_az

    preview = ui.open_preview(page, "az")
    expect(preview.locator("h1")).to_have_text(title)
    expect(preview.locator("main img").first).to_have_attribute("alt", image.alt_az)
    preview.close()

    ui.choose(page, "status", value=Article.Status.PUBLISHED)
    ui.save(page)
    ui.expect_saved(page)
    page.goto(f"{page.base_url}/az/")
    page.get_by_role("link", name=title).first.click()
    release_url = page.url
    ui.search(page, "qacqin ailelerine")
    assert ui.search_results(page) == [title]

    page.goto(f"{page.base_url}/admin/news/article/{article.pk}/change/")
    ui.fill(page, "summary", "az", "Otuz ailə yeni mənzillərə köçüb.")
    ui.choose_radio(page, "change_kind", "major")
    page.fill("#id_change_note", "Ailələrin sayı dəqiqləşdirilib.")
    ui.save(page)
    ui.expect_saved(page)
    page.goto(release_url)
    updated = ui.in_language("az", "Updated")
    expect(page.locator("main")).to_contain_text(updated)
    expect(page.locator("main")).to_contain_text("Ailələrin sayı dəqiqləşdirilib.")

    page.goto(f"{page.base_url}/admin/news/article/{article.pk}/change/")
    ui.choose(page, "status", value=Article.Status.WITHDRAWN)
    ui.fill(page, "withdrawal_reason", "az", "Məlumat səhvən dərc edilib.")
    ui.save(page)
    ui.expect_saved(page)
    page.goto(release_url)
    expect(page.locator("main")).to_contain_text("Məlumat səhvən dərc edilib.")
    page.goto(f"{page.base_url}/az/")
    expect(page.get_by_role("link", name=title)).to_have_count(0)


# The translator


def test_translator_adds_the_english_version_then_updates_it_when_the_original_changes(
    page, django_user_model
):
    staff_member(django_user_model, "john", "Translators: English", "John", "Smith")
    image = ImageFactory(alt_en="", alt_ru="")
    article = ArticleFactory(
        title_az="Miqrantlar üçün yeni xidmət",
        title_en="",
        summary_en="",
        body_en="",
        without_russian=True,
    )
    article.images.create(image=image, place="lead")
    ui.sign_in(page, "john", PASSWORD)

    ui.open_translation_queue(page)
    ui.open_release_in_admin(page, "Miqrantlar üçün yeni xidmət")
    ui.fill(page, "title", "en", "A new service for migrants")
    ui.fill(page, "summary", "en", "Migrants may now apply online.")
    ui.fill_body(page, "en", "<p>The service opens today.</p>")
    ui.save(page)
    ui.expect_saved(page)

    page.goto(f"{page.base_url}/admin/news/image/{image.pk}/change/")
    ui.fill(page, "alt", "en", "The service hall")
    ui.save(page)
    ui.expect_saved(page)

    page.goto(f"{page.base_url}/en/")
    page.get_by_role("link", name="A new service for migrants").click()
    expect(page.locator("main img").first).to_have_attribute("alt", "The service hall")

    # A press officer changes the original meanwhile.
    article = Article.objects.get(pk=article.pk)
    article.body_az = "<p>Xidmət sabah açılır.</p>"
    article.save()

    # The queue names a release by its title in the translator's language, once it has one.
    ui.open_translation_queue(page)
    row = page.locator("#queue-en tr", has_text="A new service for migrants")
    expect(row).to_contain_text("outdated")
    ui.open_release_in_admin(page, "A new service for migrants")
    changes = page.locator(".original-changes")
    expect(changes.locator("del")).to_contain_text("Mətn.")
    expect(changes.locator("ins")).to_contain_text("Xidmət sabah açılır.")
    ui.fill_body(page, "en", "<p>The service opens tomorrow.</p>")
    ui.tick(page, "confirm_en")
    ui.save(page)
    ui.expect_saved(page)

    ui.open_translation_queue(page)
    expect(page.locator("#queue-en tr", has_text="A new service for migrants")).to_have_count(0)
    page.goto(f"{page.base_url}{article.get_absolute_url('en')}")
    expect(page.locator("main")).to_contain_text("The service opens tomorrow.")


# Two editors at once


def test_the_second_of_two_editors_is_refused_with_the_first_ones_name_and_keeps_their_text(
    new_page, django_user_model, release
):
    staff_member(django_user_model, "leyla", "Publishers", "Leyla", "Məmmədova")
    staff_member(django_user_model, "rashad", "Publishers", "Rəşad", "Əliyev")
    first, second = new_page(), new_page()
    change = f"/admin/news/article/{release.pk}/change/"
    for editor, username in ((first, "leyla"), (second, "rashad")):
        ui.sign_in(editor, username, PASSWORD)
        editor.goto(editor.base_url + change)

    ui.fill(first, "title", "az", "Qaçqınlara yeni şəxsiyyət vəsiqələri verilib")
    ui.choose_radio(first, "change_kind", "minor")
    ui.save(first)
    ui.expect_saved(first)

    ui.fill(second, "summary", "az", "Rəşadın yazdığı xülasə.")
    ui.choose_radio(second, "change_kind", "minor")
    ui.save(second)

    refusal = ui.form_errors(second)
    assert "Leyla Məmmədova" in refusal
    assert second.locator("#id_summary_az").input_value() == "Rəşadın yazdığı xülasə."
    release.refresh_from_db()
    assert release.title_az == "Qaçqınlara yeni şəxsiyyət vəsiqələri verilib"
    assert release.summary_az != "Rəşadın yazdığı xülasə."
