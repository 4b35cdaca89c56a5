"""Photographs in the admin, as each role uses them: the library, uploads and refusals, alt
texts by translators, replacing, cropping, deleting, and a release's lead photograph and
gallery, their revisions and the body editor."""

import io
import json
import re
from html import unescape

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags
from PIL import Image as PillowImage
from reversion.models import Version

from news.images.storage import file_storage, stored_names
from news.models import Article, ArticleImage, Image
from tests.factories import ArticleFactory, ImageFactory, photo_file, picture, show
from tests.newsroom import new_release, rendered_form, restore, save, staff
from tests.test_images import FullStorage, phone_photo, stored_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("storage")]

ROLES = ("author", "publisher", "translator", "superuser")
GROUPS = {"author": "Authors", "publisher": "Publishers", "translator": "Translators: English"}
ADD_URL = reverse("admin:news_image_add")
LIBRARY_URL = reverse("admin:news_image_changelist")


@pytest.fixture
def people(django_user_model, admin_client):
    """A signed-in client for each role, the admin in English; and one for nobody."""
    clients = {role: staff(django_user_model, role, group).client for role, group in GROUPS.items()}
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return {**clients, "superuser": admin_client, "anonymous": Client()}


def change_url(image):
    return reverse("admin:news_image_change", args=[image.pk])


def page(response):
    return response.content.decode()


def upload_form(upload, **fields):
    return {
        "upload": upload,
        "alt_az": "Rəis nümayəndə heyətini qarşılayır",
        "alt_en": "The Chief greets the delegation",
        "alt_ru": "Начальник встречает делегацию",
        "caption_az": "",
        "caption_en": "At the Service's headquarters",
        "caption_ru": "",
        "credit": "Press service",
        "focus_x": "0.5",
        "focus_y": "0.5",
        **fields,
    }


def stored_row(image):
    """Return every column of ``image``, each language separately."""
    columns = [f.attname for f in Image._meta.concrete_fields if f.name not in ("alt", "caption")]
    return Image.objects.filter(pk=image.pk).values(*columns).get()


def description_form(image, **changes):
    """Return what the change form of ``image`` posts back, with ``changes``."""
    data = {
        f"{field}_{code}": getattr(image, f"{field}_{code}") or ""
        for field in ("alt", "caption")
        for code in ("az", "en", "ru")
    }
    data.update(credit=image.credit, focus_x=image.focus_x, focus_y=image.focus_y)
    if image.decorative:
        data["decorative"] = "on"
    return {**data, **changes}


# The library


@pytest.mark.parametrize("role", ROLES)
def test_every_role_finds_photographs_in_the_library_by_their_texts(people, role):
    image = ImageFactory(caption_en="Signing in Ganja")
    ImageFactory(caption_en="Seminar in Quba")

    response = people[role].get(LIBRARY_URL, {"q": "Ganja"})

    assert response.status_code == 200
    html = page(response)
    assert html.count('class="image-thumbnail"') == 1
    small = image.renditions_of("square", "jpeg")[-1]["name"]
    assert file_storage().url(small) in html


def test_the_library_is_closed_to_visitors(people):
    image = ImageFactory()
    for url in (LIBRARY_URL, ADD_URL, change_url(image)):
        response = people["anonymous"].get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_the_library_opened_to_choose_a_photograph_hands_back_its_number(people):
    image = ImageFactory()

    html = page(people["author"].get(LIBRARY_URL, {"_popup": "1", "_to_field": "id"}))

    assert f'data-popup-opener="{image.pk}"' in html


@pytest.mark.parametrize("role", ROLES)
def test_the_editors_thumbnail_address_leads_staff_to_the_small_square(people, role):
    image = ImageFactory()
    url = reverse("admin:news_image_thumbnail", args=[image.pk])

    response = people[role].get(url)

    assert response.status_code == 302
    assert response["Location"] == file_storage().url(image.renditions_of("square")[-1]["name"])
    assert people["anonymous"].get(url).status_code == 302
    assert people[role].get(reverse("admin:news_image_thumbnail", args=["x"])).status_code == 404


def test_the_library_says_which_language_lacks_alt_text(people):
    ImageFactory(alt_ru="")
    ImageFactory()

    html = page(people["publisher"].get(LIBRARY_URL, {"alt_missing": "ru"}))

    assert html.count('class="image-thumbnail"') == 1
    assert "RU ✗" in html


# Uploading


@pytest.mark.parametrize("role", ["author", "publisher", "superuser"])
@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_a_press_officer_uploads_a_phone_photo_and_no_stored_file_keeps_its_gps(
    people, role, language
):
    client = people[role]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    assert client.get(ADD_URL).status_code == 200

    response = client.post(ADD_URL, upload_form(phone_photo(orientation=6)))

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.alt_en == "The Chief greets the delegation"
    assert image.uploaded_by.username == ("admin" if role == "superuser" else role)
    for name, data in stored_files(image).items():
        stored = PillowImage.open(io.BytesIO(data))
        assert not stored.getexif().get_ifd(ExifTags.IFD.GPSInfo), name
        assert b"SERIAL-0042" not in data
    # The change page shows the photograph, upright, to set its focal point on.
    html = page(client.get(change_url(image)))
    preview = re.search(r'<div class="image-preview"[^>]*>\s*<img [^>]+>', html).group(0)
    assert 'width="480"' in preview
    assert "hidden" not in preview


def test_a_translator_cannot_upload(people, storage):
    assert people["translator"].get(ADD_URL).status_code == 403
    response = people["translator"].post(ADD_URL, upload_form(phone_photo()))

    assert response.status_code == 403
    assert not Image.objects.exists()
    assert stored_names() == []


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: photo_file(picture(900, 700), file_format="GIF"), "is not a JPEG, PNG or WebP"),
        (lambda: photo_file(picture(600, 300)), "its shorter side must be at least 400 pixels"),
        (
            lambda: SimpleUploadedFile("big.jpg", b"\xff\xd8" + bytes(21 * 1024 * 1024)),
            "larger than 20 MB",
        ),
        (lambda: SimpleUploadedFile("photo.jpg", b"<svg onload=alert(1)>"), "is not a JPEG"),
    ],
)
def test_a_refused_upload_says_why_in_the_form_and_stores_nothing(people, storage, upload, message):
    response = people["publisher"].post(ADD_URL, upload_form(upload()))

    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors["upload"])
    assert not Image.objects.exists()
    assert stored_names() == []


def test_a_full_storage_during_an_upload_is_a_clear_error_leaving_nothing(people, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.test_images.FullStorage"},
    }
    assert FullStorage.room_for == 3

    response = people["publisher"].post(ADD_URL, upload_form(phone_photo()))

    assert response.status_code == 200
    assert "the file storage is full" in str(response.context["adminform"].form.errors)
    assert not Image.objects.exists()
    assert stored_names() == []


# Describing, replacing, cropping


def test_a_translator_writes_alt_text_and_caption_in_their_language(people):
    image = ImageFactory(alt_en="", caption_en="")

    response = people["translator"].post(
        change_url(image), {"alt_en": "The signing ceremony", "caption_en": "In Baku"}
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.alt_en, image.caption_en) == ("The signing ceremony", "In Baku")
    assert image.alt_az  # the other languages are left as they were


@pytest.mark.parametrize(
    "field", ["alt_az", "caption_ru", "credit", "decorative", "focus_x", "upload"]
)
def test_a_translators_post_touching_anything_else_is_refused(people, field):
    image = ImageFactory()
    before = stored_row(image)
    value = phone_photo() if field == "upload" else "0.2" if field == "focus_x" else "Başqa"

    response = people["translator"].post(change_url(image), {"alt_en": "New", field: value})

    assert response.status_code == 403
    assert stored_row(image) == before


def test_an_author_hands_over_a_photograph_once_a_public_release_shows_it(people):
    draft_only, public = ImageFactory(), ImageFactory()
    show(ArticleFactory(draft=True), draft_only)
    show(ArticleFactory(), public)

    changed = people["author"].post(
        change_url(draft_only), description_form(draft_only, alt_en="Changed")
    )
    refused = people["author"].post(change_url(public), description_form(public, alt_en="Changed"))
    allowed = people["publisher"].post(
        change_url(public), description_form(public, alt_en="Changed too")
    )

    assert changed.status_code == 302
    assert refused.status_code == 403
    assert allowed.status_code == 302
    assert Image.objects.get(pk=draft_only.pk).alt_en == "Changed"
    assert Image.objects.get(pk=public.pk).alt_en == "Changed too"


def test_a_publisher_replaces_the_file_everywhere_it_is_shown(people, client):
    image = ImageFactory()
    article = ArticleFactory()
    show(article, image)
    old = image.file_names()

    response = people["publisher"].post(
        change_url(image), description_form(image, upload=photo_file(picture(1200, 900, seed=5)))
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file_names().isdisjoint(old)
    assert (image.width, image.height) == (1200, 900)
    html = page(client.get(article.get_absolute_url("en")))
    assert file_storage().url(image.renditions_of("width", "jpeg")[0]["name"]) in html
    # The replaced files wait for the clean-up command.
    assert old <= set(stored_names())


def test_moving_the_focal_point_in_the_admin_makes_new_crops(people):
    image = ImageFactory(upload=photo_file(picture(1600, 800)))
    square = image.renditions_of("square")[0]["name"]

    response = people["publisher"].post(change_url(image), description_form(image, focus_x="0.9"))

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.focus_x == 0.9
    assert image.renditions_of("square")[0]["name"] != square


# Deleting


def delete(client, image):
    return client.post(reverse("admin:news_image_delete", args=[image.pk]), {"post": "yes"})


def test_only_publishers_delete_and_only_what_nothing_shows(people):
    unused, used = ImageFactory(), ImageFactory()
    show(ArticleFactory(in_trash=True), used)

    assert delete(people["author"], unused).status_code == 403
    assert delete(people["translator"], unused).status_code == 403
    refused = delete(people["publisher"], used)
    deleted = delete(people["publisher"], unused)

    assert refused.status_code == 200
    assert "protected" in page(refused)
    assert deleted.status_code == 302
    assert list(Image.objects.all()) == [used]


def shown_then_removed(publisher):
    """Return a release and a photograph its first revision's gallery held, not shown now."""
    image = ImageFactory()
    save(publisher, **new_release("draft"), **gallery_row(0, image))
    article = Article.objects.get()
    save(publisher, article, **{"photographs_gallery-0-DELETE": "on"})
    assert not article.images.exists()
    return article, image


def test_a_photograph_only_a_revision_still_shows_is_kept(people):
    publisher = people["publisher"]
    _article, image = shown_then_removed(publisher)

    refused = delete(publisher, image)

    assert refused.status_code == 200
    assert "Revision of" in page(refused)
    assert Image.objects.filter(pk=image.pk).exists()


# A release's photographs


def gallery_row(number, image, position=None, prefix="photographs_gallery"):
    return {
        f"{prefix}-TOTAL_FORMS": str(number + 1),
        f"{prefix}-{number}-image": str(image.pk),
        f"{prefix}-{number}-position": str(position if position is not None else number + 1),
    }


def lead_row(image):
    return {"photographs_lead-0-image": str(image.pk)}


def test_a_publisher_gives_a_new_release_a_lead_photograph_and_an_ordered_gallery(people, client):
    lead, first, second = ImageFactory.create_batch(3)

    response = save(
        people["publisher"],
        **new_release("published"),
        **lead_row(lead),
        **{**gallery_row(0, second, position=2), **gallery_row(1, first, position=1)},
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.images.get(place="lead").image == lead
    html = page(client.get(article.get_absolute_url("en")))
    assert html.index(first.renditions[0]["name"]) < html.index(second.renditions[0]["name"])
    change = page(people["publisher"].get(reverse("admin:news_article_change", args=[article.pk])))
    assert "Every photograph of this release has alt text in every language." in change


def test_an_author_pictures_a_draft_but_not_a_published_release(people):
    image = ImageFactory()
    draft, published = ArticleFactory(draft=True), ArticleFactory()

    saved = save(people["author"], draft, **lead_row(image))
    refused = people["author"].post(
        reverse("admin:news_article_change", args=[published.pk]),
        {
            **rendered_form(
                people["publisher"].get(reverse("admin:news_article_change", args=[published.pk]))
            ),
            **lead_row(image),
        },
    )

    assert saved.status_code == 302
    assert draft.images.get().image == image
    assert refused.status_code == 403
    assert not published.images.exists()


def test_a_translators_crafted_gallery_rows_change_nothing(people):
    image, other = ImageFactory(), ImageFactory()
    article = ArticleFactory()
    show(article, image, ArticleImage.Place.GALLERY)

    response = save(
        people["translator"],
        article,
        **gallery_row(1, other),
        **{"photographs_gallery-0-DELETE": "on"},
    )

    assert response.status_code == 302
    assert [use.image for use in article.images.all()] == [image]


def test_two_lead_photographs_or_one_photograph_twice_in_the_gallery_are_refused(people):
    first, second = ImageFactory(), ImageFactory()
    two_leads = {
        **lead_row(first),
        "photographs_lead-TOTAL_FORMS": "2",
        "photographs_lead-1-image": str(second.pk),
    }
    twice = {**gallery_row(0, first), **gallery_row(1, first)}

    for crafted, message in ((two_leads, "one lead photograph"), (twice, "in the gallery once")):
        response = save(people["publisher"], **new_release("draft"), **crafted)
        assert response.status_code == 200
        assert message in page(response)
    assert not Article.objects.exists()


def test_the_release_page_in_the_admin_names_each_photograph_without_alt_text(people):
    image = ImageFactory(alt_ru="")
    ArticleFactory(title_en="Described in full")

    response = save(people["publisher"], **new_release("published"), **lead_row(image))

    article = Article.objects.get(title_en="New service")
    assert not article.is_available_in("ru")
    follow = people["publisher"].get(response["Location"])
    warnings = [str(message) for message in follow.context["messages"]]
    assert any("RU version until these photographs have alt text in Russian" in w for w in warnings)
    change = page(people["publisher"].get(reverse("admin:news_article_change", args=[article.pk])))
    assert f'href="{change_url(image)}"' in change
    changelist = reverse("admin:news_article_changelist")
    listed = page(people["publisher"].get(changelist, {"alt_missing": "ru"}))
    assert "New service" in listed
    assert "Described in full" not in listed


def test_deleting_photographs_in_bulk_spares_them_all_while_one_is_shown(people):
    unused, used = ImageFactory(), ImageFactory()
    show(ArticleFactory(), used)

    response = people["publisher"].post(
        LIBRARY_URL,
        {"action": "delete_selected", "_selected_action": [unused.pk, used.pk], "post": "yes"},
    )

    assert response.status_code == 200
    assert "protected" in page(response)
    assert Image.objects.count() == 2


def test_a_release_deleted_for_good_no_longer_keeps_its_photographs(people):
    publisher = people["publisher"]
    article, image = shown_then_removed(publisher)
    Article.objects.filter(pk=article.pk).update(deleted_at=timezone.now())

    purged = publisher.post(
        reverse("admin:news_article_changelist") + "?trash=yes",
        {"action": "purge", "_selected_action": [article.pk]},
    )

    assert purged.status_code == 302
    assert not Article.objects.exists()
    assert delete(publisher, image).status_code == 302
    assert not Image.objects.exists()


def test_revisions_keep_the_gallery_and_restoring_one_brings_it_back(people):
    publisher = people["publisher"]
    article, image = shown_then_removed(publisher)
    oldest = Version.objects.get_for_object(article).last()
    kept = Version.objects.get_for_model(ArticleImage).filter(revision=oldest.revision)
    assert [version.field_dict["image_id"] for version in kept] == [image.pk]

    _opened, restored = restore(publisher, article, oldest)

    assert restored.status_code == 302
    assert [use.image for use in article.images.filter(place="gallery")] == [image]


def test_the_body_editor_offers_photographs_from_the_library(people):
    html = page(people["author"].get(reverse("admin:news_article_add")))
    config = json.loads(
        unescape(re.search(r'data-django-prose-editor-configurable="([^"]+)"', html).group(1))
    )

    assert config["extensions"]["Photograph"]["libraryUrl"] == LIBRARY_URL
    assert any(module.endswith("news/admin/photograph.js") for module in config["js_modules"])


def test_a_photograph_placed_in_a_body_is_recorded_for_that_language(people, client):
    image = ImageFactory(alt_ru="")
    figure = f'<figure data-image="{image.pk}"></figure>'

    save(people["publisher"], **new_release("published", body_en=f"<p>Text.</p>{figure}"))

    article = Article.objects.get()
    assert [(use.place, use.language) for use in article.images.all()] == [("body", "en")]
    assert article.is_available_in("ru")  # the Russian body does not show it
    assert "<picture>" in page(client.get(article.get_absolute_url("en")))


def test_the_whole_pipeline_runs_on_a_storage_other_than_the_file_system(people, client, storage):
    publisher = people["publisher"]
    assert publisher.post(ADD_URL, upload_form(phone_photo())).status_code == 302
    image = Image.objects.get()
    assert save(publisher, **new_release("published"), **lead_row(image)).status_code == 302

    html = page(client.get(Article.objects.get().get_absolute_url("en")))

    shown = re.findall(r"/media/(images/[0-9a-f/]+\.(?:jpg|webp))", html)
    assert shown
    assert set(shown) <= image.file_names() == set(stored_names())
    for name in shown:
        assert b"SERIAL-0042" not in storage.open(name).read()
