"""Photographs through a real browser: the upload's preview and focal point, the gallery's
order by dragging, and a photograph placed in a body with the editor.

Uses the browser set-up of tests/browser/, and is skipped, or fails in CI, as every browser test is.
"""

import io

import pytest
from django.conf import settings
from PIL import ExifTags
from PIL import Image as PillowImage

from news.images.storage import file_storage
from news.models import Article, Image
from tests.browser import ui
from tests.factories import ImageFactory, picture

pytest_plugins = ["tests.browser.fixtures"]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def signed_in(page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-passphrase")
    return ui.sign_in(page, "editor", "a-passphrase")


@pytest.fixture
def phone_photo(tmp_path):
    """A phone's JPEG on disk, 1200 × 800, with its GPS position in EXIF."""
    exif = PillowImage.Exif()
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "N", 2: (40.0, 24.0, 33.0)})
    path = tmp_path / "IMG_0042.jpg"
    picture(1200, 800).save(path, format="JPEG", exif=exif)
    return path


def fill_in_each_language(browser, fields):
    for language, values in fields.items():
        ui.show_language(browser, language)
        for name, value in values.items():
            browser.locator(f"#id_{name}_{language}").fill(value)


def test_press_officer_uploads_sees_the_preview_and_sets_the_focal_point(
    signed_in, live_server, phone_photo
):
    browser = signed_in
    browser.goto(f"{live_server.url}/admin/news/image/add/")
    browser.set_input_files("#id_upload", str(phone_photo))

    preview = browser.locator(".image-preview img")
    ui.expect(browser.locator(".image-preview")).to_be_visible()
    browser.wait_for_function("document.querySelector('.image-preview img').naturalWidth > 0")
    box = preview.bounding_box()
    browser.mouse.click(box["x"] + box["width"] * 0.9, box["y"] + box["height"] * 0.25)
    assert float(browser.input_value("#id_focus_x")) == pytest.approx(0.9, abs=0.02)
    assert float(browser.input_value("#id_focus_y")) == pytest.approx(0.25, abs=0.02)
    fill_in_each_language(
        browser,
        {
            "az": {"alt": "Rəis qonaqları qarşılayır"},
            "en": {"alt": "The Chief greets the guests", "caption": "In Baku"},
            "ru": {"alt": "Начальник встречает гостей"},
        },
    )
    browser.fill("#id_credit", "Press service")
    browser.click("input[name=_continue]")

    ui.expect(browser.locator(".messagelist .success")).to_have_count(1)
    image = Image.objects.get()
    assert image.alt_en == "The Chief greets the guests"
    assert image.focus_x == pytest.approx(0.9, abs=0.02)
    stored = PillowImage.open(io.BytesIO(file_storage().open(image.original).read()))
    assert not stored.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert (
        settings.MEDIA_URL + image.renditions_of("width", "jpeg")[-1]["name"] in browser.content()
    )


def test_dragging_a_gallery_row_reorders_the_photographs(signed_in, live_server):
    first, second = ImageFactory(), ImageFactory()
    browser = signed_in
    browser.goto(f"{live_server.url}/admin/news/article/add/")
    ui.show_language(browser, "az")
    browser.locator("#id_title_az").fill("Qalereyalı press-reliz")
    browser.select_option("#id_category", label="News")
    for row, image in enumerate([first, second]):
        if row:
            browser.click("#photographs_gallery-group .add-row a")
        browser.fill(f"#id_photographs_gallery-{row}-image", str(image.pk))
        browser.keyboard.press("Tab")
        # The chosen photograph's thumbnail shows at once.
        thumbnail = browser.locator(f"#photographs_gallery-{row} td.field-thumbnail img")
        ui.expect(thumbnail).to_have_attribute("src", f"/admin/news/image/{image.pk}/thumbnail/")
    # Dropped on the upper half of the first row: it goes before it.
    browser.locator("#photographs_gallery-1 .gallery-handle").drag_to(
        browser.locator("#photographs_gallery-0"), target_position={"x": 20, "y": 5}
    )

    assert browser.input_value("#id_photographs_gallery-1-position") == "1"
    assert browser.input_value("#id_photographs_gallery-0-position") == "2"
    browser.click("input[name=_continue]")
    ui.expect(browser.locator(".messagelist .success")).to_have_count(1)
    gallery = Article.objects.get().images.filter(place="gallery").order_by("position")
    assert [use.image for use in gallery] == [second, first]


def test_a_photograph_from_the_library_is_placed_in_the_body(signed_in, live_server):
    image = ImageFactory()
    browser = signed_in
    browser.goto(f"{live_server.url}/admin/news/article/add/")
    ui.show_language(browser, "az")
    browser.locator("#id_title_az").fill("Şəkilli press-reliz")
    browser.locator("#id_summary_az").fill("Qısa məzmun.")
    editor = browser.locator(".prose-editor:has(#id_body_az)")
    editor.locator("> .ProseMirror").click()
    browser.keyboard.type("Görüş keçirilib.")

    with browser.expect_popup() as opened:
        editor.locator('button[title="Insert a photograph from the library"]').click()
    library = opened.value
    library.click(f'a[data-popup-opener="{image.pk}"]')

    ui.expect(editor.locator(f'figure.photograph-node[data-image="{image.pk}"]')).to_have_count(1)
    browser.select_option("#id_category", label="News")
    browser.select_option("#id_status", value="published")
    browser.click("input[name=_continue]")

    ui.expect(browser.locator(".messagelist .success")).to_have_count(1)
    article = Article.objects.get()
    assert f'<figure data-image="{image.pk}"></figure>' in article.body_az
    browser.goto(f"{live_server.url}{article.get_absolute_url('az')}")
    assert browser.locator(".release__body picture img").get_attribute("alt") == image.alt_az
