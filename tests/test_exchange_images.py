"""Photographs in import and export files: files from a media folder, checked before anything
is written, reused across records and imports, and written back out by the export."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from PIL import Image as PillowImage
from reversion.models import Version

from news.images.storage import file_storage
from news.models import Article, ArticleImage, Image
from tests.factories import ArticleFactory, picture
from tests.test_images import assert_nothing_stored, phone_photo, stored_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("storage")]


@pytest.fixture(autouse=True)
def _in_english():
    """Read the commands' messages in English, as operators' logs would."""
    with translation.override("en"):
        yield


@pytest.fixture
def media(tmp_path):
    """The media folder of an old site's export: a phone photograph and two pictures."""
    folder = tmp_path / "media"
    (folder / "2020" / "12").mkdir(parents=True)
    (folder / "2020" / "12" / "meeting.jpg").write_bytes(phone_photo().read())
    picture(1000, 700, seed=1).save(folder / "2020" / "12" / "signing.png")
    picture(800, 800, seed=2).save(folder / "chart.webp", format="WEBP")
    (folder / "notes.jpg").write_text("<script>not a photograph</script>")
    picture(300, 200).save(folder / "tiny.jpg")
    return folder


def photo(file, place, **fields):
    return {
        "file": file,
        "place": place,
        "alt": {"az": f"{file} şəkli", "en": f"Photograph {file}", "ru": f"Фото {file}"},
        **fields,
    }


def record(legacy_id=8800, images=(), body_en="<p>Text.</p>", **changes):
    data = {
        "legacy_id": legacy_id,
        "category": "news",
        "published_at": "2020-12-15T11:30:00+04:00",
        "status": "published",
        "title": {"az": f"Başlıq {legacy_id}", "en": f"Title {legacy_id}", "ru": "Заголовок"},
        "summary": {"az": "Qısa.", "en": "Short.", "ru": "Кратко."},
        "body": {"az": "<p>Mətn.</p>", "en": body_en, "ru": "<p>Текст.</p>"},
        "images": images if isinstance(images, str) else list(images),
    }
    data.update(changes)
    return data


def write(tmp_path, records, name="releases.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def full_record(legacy_id=8800):
    return record(
        legacy_id,
        images=[
            photo("2020/12/meeting.jpg", "lead", credit="Press service", focus=[0.3, 0.6]),
            photo("2020/12/signing.png", "gallery", position=1, caption={"en": "Signing"}),
            photo("chart.webp", "body", language="en"),
        ],
        body_en='<p>Figures:</p><figure data-image="chart.webp"></figure>',
    )


def test_a_release_comes_with_its_lead_photograph_gallery_and_figures(tmp_path, media, client):
    call_command("import_articles", str(write(tmp_path, [full_record()])), media=str(media))

    article = Article.objects.get(legacy_id=8800)
    uses = {use.place: use for use in article.images.select_related("image")}
    lead = uses["lead"].image
    assert article.lead_image == lead
    assert (lead.alt_en, lead.credit, lead.focus) == ("Photograph 2020/12/meeting.jpg",
                                                     "Press service", (0.3, 0.6))  # fmt: skip
    assert uses["gallery"].image.caption_en == "Signing"
    chart = uses["body"].image
    assert uses["body"].language == "en"
    assert article.body_en == f'<p>Figures:</p><figure data-image="{chart.pk}"></figure>'
    page = client.get(article.get_absolute_url("en")).content.decode()
    assert 'alt="Photograph chart.webp"' in page
    assert 'alt="Photograph 2020/12/meeting.jpg"' in page


def test_no_stored_file_of_an_imported_photograph_keeps_its_gps_position(tmp_path, media):
    call_command("import_articles", str(write(tmp_path, [full_record()])), media=str(media))

    lead = Article.objects.get().lead_image
    for name in stored_files(lead):
        with file_storage().open(name) as handle, PillowImage.open(handle) as stored:
            assert not stored.getexif()
            assert "xmp" not in stored.info


def test_one_file_in_two_records_is_one_photograph_and_a_second_import_adds_nothing(
    tmp_path, media, capsys
):
    shared = [photo("2020/12/meeting.jpg", "lead")]
    path = write(tmp_path, [record(8801, shared), record(8802, shared)])
    call_command("import_articles", str(path), media=str(media))
    assert Image.objects.count() == 1
    files = set(file_storage().listdir("images")[0])

    call_command("import_articles", str(path), media=str(media))

    assert Image.objects.count() == 1
    assert set(file_storage().listdir("images")[0]) == files
    assert "Created 0, updated 0, unchanged 2." in capsys.readouterr().out


def test_a_changed_alt_text_or_gallery_order_updates_on_a_second_import(tmp_path, media):
    first = record(images=[photo("2020/12/meeting.jpg", "gallery", position=0),
                           photo("2020/12/signing.png", "gallery", position=1)])  # fmt: skip
    call_command("import_articles", str(write(tmp_path, [first])), media=str(media))
    again = record(images=[photo("2020/12/meeting.jpg", "gallery", position=1),
                           {**photo("2020/12/signing.png", "gallery", position=0),
                            "alt": {"az": "Yeni", "en": "New", "ru": "Новое"}}])  # fmt: skip

    call_command("import_articles", str(write(tmp_path, [again])), media=str(media))

    gallery = Article.objects.get().images.filter(place="gallery").order_by("position")
    assert [use.image.alt_en for use in gallery] == ["New", "Photograph 2020/12/meeting.jpg"]


def test_a_language_is_public_only_once_its_photographs_have_alt_text(tmp_path, media):
    without_russian = {**photo("2020/12/meeting.jpg", "lead"), "alt": {"az": "Şəkil", "en": "P"}}
    call_command(
        "import_articles",
        str(write(tmp_path, [record(images=[without_russian])])),
        media=str(media),
    )

    article = Article.objects.get()
    assert article.is_available_in("en")
    assert not article.is_available_in("ru")


def test_imported_revisions_keep_where_the_photographs_stood(tmp_path, media):
    call_command("import_articles", str(write(tmp_path, [full_record()])), media=str(media))

    version = Version.objects.get_for_object(Article.objects.get())[0]
    kept = version.revision.version_set.filter(content_type__model="articleimage")
    assert {v.field_dict["place"] for v in kept} == {"lead", "gallery", "body"}


@pytest.mark.parametrize(
    ("images", "body_en", "expected"),
    [
        ([photo("missing.jpg", "lead")], "<p>x</p>", "images[0].file: “missing.jpg” is not in"),
        (
            [photo("../outside.jpg", "lead")],
            "<p>x</p>",
            "images[0].file: “../outside.jpg” is outside the media folder",
        ),
        ([photo("notes.jpg", "lead")], "<p>x</p>", "images[0].file: “notes.jpg”: This file is not"),
        (
            [photo("tiny.jpg", "lead")],
            "<p>x</p>",
            "images[0].file: “tiny.jpg”: This photograph is 300 × 200 pixels",
        ),
        ([photo("chart.webp", "cover")], "<p>x</p>", "images[0].place: expected one of"),
        ([photo("chart.webp", "body")], "<p>x</p>", "images[0].language: a photograph in a body"),
        ([photo("chart.webp", "lead", focus=[2, 0])], "<p>x</p>", "images[0].focus: expected"),
        ([photo("chart.webp", "lead"), photo("2020/12/signing.png", "lead")], "<p>x</p>",
         "images: a release has one lead photograph"),
        ([], '<figure data-image="chart.webp"></figure>', "body.en: a figure names “chart.webp”"),
        ("chart.webp", "<p>x</p>", "images: expected a list of photographs"),
    ],
)  # fmt: skip
def test_a_bad_photograph_refuses_the_whole_file_naming_record_and_field(
    tmp_path, media, storage, images, body_en, expected
):
    good = full_record(8800)
    bad = record(8801, images=images, body_en=body_en)
    path = write(tmp_path, [good, bad])

    with pytest.raises(CommandError) as refused:
        call_command("import_articles", str(path), media=str(media))

    assert f"record 2 (legacy_id 8801): {expected}" in str(refused.value)
    assert not Article.objects.exists()
    assert not Image.objects.exists()
    assert_nothing_stored(storage)


def test_photographs_without_a_media_folder_are_refused(tmp_path, storage):
    with pytest.raises(CommandError, match="give the media folder"):
        call_command("import_articles", str(write(tmp_path, [full_record()])))
    assert not Article.objects.exists()


def test_a_dry_run_checks_the_photographs_and_stores_nothing(tmp_path, media, storage, capsys):
    path = write(tmp_path, [full_record()])
    call_command("import_articles", str(path), media=str(media), dry_run=True)

    assert "would create 1" in capsys.readouterr().out
    assert not Image.objects.exists()
    assert_nothing_stored(storage)


def test_export_then_import_into_an_empty_site_gives_back_every_release_and_photograph(
    tmp_path, media, settings
):
    call_command("import_articles", str(write(tmp_path, [full_record()])), media=str(media))
    ArticleFactory(title_en="Without photographs", legacy_id=8900)
    first_file, first_media = tmp_path / "first.json", tmp_path / "first-media"
    call_command("export_articles", str(first_file), media=str(first_media))
    before = described_site()

    # An empty site: no release, no photograph, a storage of its own.
    ArticleImage.objects.all().delete()
    Article.objects.all().delete()
    Image.objects.all().delete()
    settings.STORAGES = {**settings.STORAGES}
    assert_nothing_stored(file_storage())
    call_command("import_articles", str(first_file), media=str(first_media))

    assert described_site() == before
    second_file = tmp_path / "second.json"
    call_command("export_articles", str(second_file), media=str(tmp_path / "second-media"))
    # The same records; only the stored names of the photographs' files are the new site's.
    assert without_files(second_file) == without_files(first_file)


def described_site():
    return sorted(
        (
            article.legacy_id,
            article.title_en,
            article.body_az,
            sorted(
                (use.place, use.position, use.language, use.image.alt_en, use.image.caption_en,
                 use.image.credit, use.image.focus, use.image.width, use.image.height)
                for use in article.images.select_related("image")
            ),
        )
        for article in Article.objects.all()
    )  # fmt: skip


def without_files(path):
    records = json.loads(path.read_text(encoding="utf-8"))
    for item in records:
        for entry in item.get("images", []):
            entry["file"] = "…"
        item["body"] = {code: text.split("<figure")[0] for code, text in item["body"].items()}
    return records


def test_export_asks_what_to_do_with_photographs(tmp_path, media):
    call_command("import_articles", str(write(tmp_path, [full_record()])), media=str(media))

    with pytest.raises(CommandError, match="--media FOLDER"):
        call_command("export_articles", str(tmp_path / "out.json"))
    assert not (tmp_path / "out.json").exists()

    call_command("export_articles", str(tmp_path / "out.json"), without_photographs=True)
    (exported,) = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert "images" not in exported
    assert exported["body"]["en"] == "<p>Figures:</p>"
