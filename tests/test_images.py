"""Photographs from upload to storage: what is accepted, what is refused and leaves nothing
behind, what no stored file may keep, the renditions, the storage and the clean-up."""

import errno
import io
import re
import struct

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import ProtectedError
from django.utils.translation import override
from PIL import ExifTags, ImageCms, IptcImagePlugin, PngImagePlugin
from PIL import Image as PillowImage

from news.images.storage import StorageFailure, file_storage, stored_names
from news.images.validation import MAX_BYTES, open_upload
from news.models import Article, ArticleImage, Image
from tests.factories import ArticleFactory, ImageFactory, photo_file, picture, show

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("storage")]

SECRETS = (b"SERIAL-0042", b"Aynur Quliyeva", b"Taken at home", b"40.4093")
BAKU = {1: "N", 2: (40.0, 24.0, 33.48), 3: "E", 4: (49.0, 52.0, 1.2)}
STORED_NAME = re.compile(r"^images/[0-9a-f]{2}/[0-9a-f]{32}\.(jpg|png|webp)$")


def upload(image, file_format="JPEG", name="IMG_2041 Aynur at home.jpg", **options):
    return photo_file(image, file_format=file_format, name=name, **options)


def private_exif(orientation=1):
    """Return EXIF such as a phone writes: where, with which camera, whose."""
    exif = PillowImage.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Camera maker"
    exif[ExifTags.Base.BodySerialNumber] = "SERIAL-0042"
    exif[ExifTags.Base.Artist] = "Aynur Quliyeva"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(BAKU)
    return exif


def exif_with_thumbnail(thumbnail):
    """Return an EXIF block whose second directory embeds ``thumbnail`` (JPEG bytes)."""
    make = b"Camera maker\x00"
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x010F, 2, len(make), 26)
    ifd0 += struct.pack("<I", 40)
    ifd1 = struct.pack("<H", 2) + struct.pack("<HHII", 0x0201, 4, 1, 70)
    ifd1 += struct.pack("<HHII", 0x0202, 4, 1, len(thumbnail)) + struct.pack("<I", 0)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd0 + make + b"\x00" + ifd1 + thumbnail
    return b"Exif\x00\x00" + tiff


def iptc_segment(by_line):
    """Return a JPEG APP13 segment carrying IPTC, as photo desks write it."""
    record = b"\x1c\x02\x50" + struct.pack(">H", len(by_line)) + by_line
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    payload = b"Photoshop 3.0\x00" + resource + b"\x00" * (len(record) % 2)
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def phone_photo(orientation=1):
    """Return a JPEG upload with EXIF and GPS, XMP, IPTC, a comment and an embedded thumbnail."""
    return upload(
        picture(900, 700),
        exif=private_exif(orientation),
        xmp=b'<x:xmpmeta><rdf:Description exif:GPSLatitude="40.4093N"/></x:xmpmeta>',
        comment=b"Taken at home",
        extra=iptc_segment(b"Aynur Quliyeva"),
    )


def stored_files(image):
    """Return {name: bytes} of every file ``image`` has in the storage."""
    storage = file_storage()
    return {name: storage.open(name).read() for name in image.file_names()}


def jpeg_markers(data):
    """Return the marker bytes of a JPEG's segments up to its image data."""
    markers, position = [], 2
    while position < len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        markers.append(marker)
        if marker == 0xDA:  # the image data follow
            break
        position += 2 + struct.unpack(">H", data[position + 2 : position + 4])[0]
    return markers


def png_chunks(data):
    """Return the kinds of a PNG's chunks: length, kind, data, checksum."""
    return chunk_kinds(data, 8, lambda head: struct.unpack(">I4s", head)[::-1], trailer=4)


def webp_chunks(data):
    """Return the kinds of a WebP's RIFF chunks: kind, length, data padded to even."""
    return chunk_kinds(data, 12, lambda head: struct.unpack("<4sI", head), padded=True)


def chunk_kinds(data, position, header, trailer=0, padded=False):
    kinds = []
    while position < len(data):
        kind, length = header(data[position : position + 8])
        kinds.append(kind.decode())
        position += 8 + length + trailer + (length % 2 if padded else 0)
    return kinds


def assert_nothing_stored(storage):
    assert stored_names() == []
    assert Image.objects.count() == 0


# What is accepted


@pytest.mark.parametrize(
    ("file_format", "options", "extension"),
    [("JPEG", {}, "jpg"), ("PNG", {}, "png"), ("WEBP", {"quality": 90}, "webp")],
)
def test_each_accepted_format_is_kept_in_its_own_format_with_renditions(
    file_format, options, extension
):
    image = ImageFactory(upload=upload(picture(1000, 750), file_format, **options))

    assert image.original.endswith(f".{extension}")
    assert PillowImage.open(file_storage().open(image.original)).format == file_format
    assert (image.width, image.height) == (1000, 750)
    assert {(entry["kind"], entry["format"]) for entry in image.renditions} == {
        ("width", "webp"),
        ("width", "jpeg"),
        ("square", "webp"),
        ("square", "jpeg"),
        ("social", "jpeg"),
    }


def test_a_phones_multi_picture_jpeg_is_taken_as_its_first_picture():
    first, preview = picture(900, 700, seed=1), picture(320, 240, seed=2)
    data = io.BytesIO()
    first.save(data, format="MPO", save_all=True, append_images=[preview])
    assert PillowImage.open(io.BytesIO(data.getvalue())).format == "MPO"

    image = ImageFactory(upload=SimpleUploadedFile("phone.jpg", data.getvalue()))

    original = stored_files(image)[image.original]
    assert original.count(b"\xff\xd8") == 1  # one picture, no second one appended
    assert PillowImage.open(io.BytesIO(original)).size == (900, 700)


def test_a_photograph_of_exactly_the_minimum_size_is_accepted():
    assert ImageFactory(upload=upload(picture(400, 400))).width == 400


# What is refused, leaving nothing behind


class UnreadableUpload(SimpleUploadedFile):
    """An upload that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the upload was read")

    def seek(self, *args):
        raise AssertionError("the upload was read")


def test_an_oversized_file_is_refused_before_it_is_read(storage):
    oversized = UnreadableUpload("big.jpg", b"")
    oversized.size = MAX_BYTES + 1

    with pytest.raises(ValidationError) as refused:
        Image.objects.create_from_upload(oversized)

    assert refused.value.code == "too_large"
    assert "20 MB" in refused.value.messages[0]
    assert_nothing_stored(storage)


def truncated_jpeg():
    data = upload(picture(900, 700)).read()
    return data[: len(data) * 2 // 3]


def corrupt_png():
    data = bytearray(upload(picture(900, 700), "PNG").read())
    start = data.index(b"IDAT") + 40
    data[start : start + 200] = bytes(200)  # the chunk's checksum no longer matches
    return bytes(data)


def pixels_as(file_format, image=None):
    return upload(image or picture(900, 700), file_format).read()


def bomb():
    """Return a small PNG that would decode into 56 million pixels."""
    return pixels_as("PNG", PillowImage.new("1", (8000, 7000)))


REFUSALS = {
    "GIF": (lambda: pixels_as("GIF"), "not_an_image"),
    "TIFF": (lambda: pixels_as("TIFF"), "not_an_image"),
    "BMP": (lambda: pixels_as("BMP"), "not_an_image"),
    "SVG": (
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>',
        "not_an_image",
    ),
    "HTML": (
        lambda: b"<!doctype html><html><body><img src=x onerror=alert(1)></body></html>",
        "not_an_image",
    ),
    "PDF": (
        lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n",
        "not_an_image",
    ),
    "script": (lambda: b"#!/bin/sh\nrm -rf /\n", "not_an_image"),
    "truncated JPEG": (truncated_jpeg, "damaged"),
    "corrupt PNG": (corrupt_png, "damaged"),
    "decompression bomb": (bomb, "too_many_pixels"),
    "too small": (lambda: pixels_as("JPEG", picture(399, 600)), "too_small"),
}


@pytest.mark.parametrize("kind", REFUSALS)
def test_a_file_that_is_not_an_acceptable_photograph_is_refused_and_nothing_is_stored(
    storage, kind
):
    content, code = REFUSALS[kind]

    with pytest.raises(ValidationError) as refused:
        Image.objects.create_from_upload(SimpleUploadedFile("photo.jpg", content()))

    assert refused.value.code == code
    assert_nothing_stored(storage)


def test_pillows_own_bomb_limit_is_the_one_we_set():
    assert PillowImage.MAX_IMAGE_PIXELS == 50_000_000


# What no stored file keeps


def test_no_stored_file_keeps_gps_camera_owner_xmp_iptc_or_comment():
    source = PillowImage.open(phone_photo())
    # The upload really carries all of it.
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert {"xmp", "comment", "photoshop"} <= source.info.keys()
    assert IptcImagePlugin.getiptcinfo(source)

    image = ImageFactory(upload=phone_photo())

    files = stored_files(image)
    assert len(files) == 1 + len(image.renditions)
    for name, data in files.items():
        stored = PillowImage.open(io.BytesIO(data))
        assert not stored.getexif(), name
        assert not {"exif", "xmp", "comment", "photoshop", "icc_profile"} & stored.info.keys()
        assert not any(secret in data for secret in SECRETS), name
        if stored.format == "JPEG":
            # Start, JFIF, tables, frame and scan: no APP1 (EXIF, XMP), APP13 (IPTC), COM.
            assert set(jpeg_markers(data)) <= {0xE0, 0xDB, 0xC0, 0xC2, 0xC4, 0xDD, 0xDA}, name
        else:
            assert stored.format == "WEBP"
            assert not {"EXIF", "XMP ", "ICCP"} & set(webp_chunks(data)), name


def test_an_embedded_thumbnail_is_not_kept():
    thumbnail = upload(picture(160, 120, seed=9)).read()
    source = upload(picture(900, 700), exif=exif_with_thumbnail(thumbnail))
    assert PillowImage.open(source).getexif().get_ifd(ExifTags.IFD.IFD1)
    source.seek(0)

    image = ImageFactory(upload=source)

    for name, data in stored_files(image).items():
        assert thumbnail not in data, name
        assert data.count(b"\xff\xd8") <= 1, name


def test_png_and_webp_originals_keep_only_their_pixels():
    chunks = PngImagePlugin.PngInfo()
    chunks.add_text("Author", "Aynur Quliyeva")
    chunks.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>40.4093N</x:xmpmeta>")
    png = ImageFactory(upload=upload(picture(900, 700), "PNG", pnginfo=chunks, exif=private_exif()))
    webp = ImageFactory(
        upload=upload(picture(900, 700), "WEBP", exif=private_exif(), xmp=b"<x>40.4093N</x>")
    )

    assert png_chunks(stored_files(png)[png.original]) == ["IHDR", "IDAT", "IEND"]
    assert set(webp_chunks(stored_files(webp)[webp.original])) <= {"VP8 ", "VP8L", "VP8X"}
    for image in (png, webp):
        assert not any(
            secret in data for data in stored_files(image).values() for secret in SECRETS
        )


def test_the_cameras_orientation_is_applied_before_anything_is_stored():
    sideways = picture(900, 600)
    sideways.paste((255, 0, 0), (0, 0, 120, 120))  # red in the corner the camera saw first
    # Orientation 6: the camera was turned a quarter clockwise.
    image = ImageFactory(upload=upload(sideways, exif=private_exif(orientation=6)))

    original = PillowImage.open(file_storage().open(image.original)).convert("RGB")
    assert original.size == (600, 900) == (image.width, image.height)
    assert original.getpixel((590, 10))[0] > 200  # now in the top right corner
    for entry in image.renditions_of("width", "jpeg"):
        assert entry["height"] > entry["width"]


def test_colours_are_converted_to_srgb_and_no_profile_is_kept():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image = ImageFactory(upload=upload(picture(900, 700), icc_profile=profile))

    for data in stored_files(image).values():
        assert "icc_profile" not in PillowImage.open(io.BytesIO(data)).info


def test_transparency_is_kept_in_webp_and_laid_on_white_in_jpeg():
    transparent = picture(800, 600, mode="RGBA")
    transparent.putalpha(0)
    image = ImageFactory(upload=upload(transparent, "PNG"))

    webp = image.renditions_of("width", "webp")[0]["name"]
    jpeg = image.renditions_of("width", "jpeg")[0]["name"]
    assert PillowImage.open(file_storage().open(webp)).getpixel((5, 5))[3] == 0
    assert PillowImage.open(file_storage().open(jpeg)).convert("RGB").getpixel((5, 5)) == (
        255,
        255,
        255,
    )


# Renditions and their names


def test_renditions_have_the_sizes_and_formats_they_say():
    image = ImageFactory(upload=upload(picture(2400, 1600)))

    made = {
        (entry["kind"], entry["format"], entry["width"], entry["height"])
        for entry in image.renditions
    }
    assert made == {
        *((kind, fmt, w, h) for fmt in ("webp", "jpeg") for kind, w, h in (
            ("width", 1600, 1067), ("width", 960, 640), ("width", 480, 320),
            ("square", 400, 400), ("square", 200, 200),
        )),
        ("social", "jpeg", 1200, 630),
    }  # fmt: skip
    for entry in image.renditions:
        stored = PillowImage.open(file_storage().open(entry["name"]))
        assert stored.format == entry["format"].upper()
        assert stored.size == (entry["width"], entry["height"])


def test_a_photograph_narrower_than_the_largest_width_is_never_enlarged():
    image = ImageFactory(upload=upload(picture(800, 600)))

    assert [entry["width"] for entry in image.renditions_of("width", "jpeg")] == [800, 480]


def red_pixels(name):
    square = PillowImage.open(file_storage().open(name)).convert("RGB")
    return sum(1 for r, g, b in square.get_flattened_data() if r > 200 and g < 60 and b < 60)


def test_square_crops_keep_the_focal_point():
    scene = PillowImage.new("RGB", (1600, 800), (20, 90, 160))
    scene.paste((255, 0, 0), (1300, 300, 1500, 500))  # the face, far right
    image = ImageFactory(upload=upload(scene), focus_x=0.875, focus_y=0.5)
    centred = ImageFactory(upload=upload(scene), focus_x=0.1, focus_y=0.5)

    assert red_pixels(image.renditions_of("square", "jpeg")[0]["name"]) > 1000
    assert red_pixels(centred.renditions_of("square", "jpeg")[0]["name"]) == 0


def test_moving_the_focal_point_makes_new_crops_and_keeps_the_widths():
    image = ImageFactory(upload=upload(picture(1600, 800)))
    widths = image.renditions_of("width")
    square = image.renditions_of("square", "jpeg")[0]["name"]

    image.focus_x = 0.9
    image.refocus()
    image.save()

    assert image.renditions_of("width") == widths
    assert image.renditions_of("square", "jpeg")[0]["name"] != square


def test_stored_names_are_ours_never_the_uploaders():
    image = ImageFactory(upload=phone_photo())

    for name in image.file_names():
        assert STORED_NAME.match(name), name
        assert "IMG" not in name
        assert "Aynur" not in name


def test_one_photograph_uploaded_twice_is_stored_once():
    first = ImageFactory(upload=upload(picture(900, 700, seed=4)))
    second = ImageFactory(upload=upload(picture(900, 700, seed=4)))

    assert first.file_names() == second.file_names()
    assert len(stored_names()) == len(first.file_names())


# A storage that fails


class FullStorage(InMemoryStorage):
    """A disk that fills up after a few files, half-way through writing the next one."""

    room_for = 3

    def _save(self, name, content):
        if self.room_for == 0:
            super()._save(name, ContentFile(content.read()[:100]))
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room_for -= 1
        return super()._save(name, content)


@pytest.fixture
def full_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.FullStorage"},
    }
    return file_storage()


def test_a_full_disk_leaves_no_file_and_no_row(full_storage):
    with pytest.raises(StorageFailure) as failure:
        ImageFactory(upload=phone_photo())

    with override("en"):
        assert "the file storage is full" in str(failure.value.message)
    assert_nothing_stored(full_storage)


# Reuse, protection and clean-up


def test_a_photograph_shown_by_a_release_cannot_be_deleted():
    image = ImageFactory()
    show(ArticleFactory(in_trash=True), image)

    with pytest.raises(ProtectedError):
        image.delete()
    assert Image.objects.filter(pk=image.pk).exists()


def test_clean_up_lists_and_removes_only_files_nothing_references(storage, capsys):
    used = ImageFactory()
    show(ArticleFactory(), used)
    in_trash = ImageFactory()
    show(ArticleFactory(in_trash=True), in_trash)
    forgotten = ImageFactory()
    forgotten_files = forgotten.file_names()
    forgotten.delete()  # nothing used it: its row goes, its files wait for the clean-up
    replaced = ImageFactory()
    replaced_files = replaced.file_names()
    replaced.take_picture(open_upload(upload(picture(900, 700, seed=77))))
    replaced.save()
    orphans = forgotten_files | (replaced_files - replaced.file_names())

    call_command("clean_images", older_than=0)
    listed = set(capsys.readouterr().out.splitlines()[:-1])
    assert listed == orphans
    assert set(stored_names()) >= orphans  # listing removes nothing

    call_command("clean_images", "--delete", older_than=0)
    assert set(stored_names()) == used.file_names() | in_trash.file_names() | replaced.file_names()


def test_clean_up_leaves_files_just_written_alone(storage, capsys):
    ImageFactory().delete()

    call_command("clean_images", "--delete")

    assert "Removed 0 files" in capsys.readouterr().out
    assert stored_names()


def test_the_demo_releases_get_drawn_pictures_described_in_three_languages(client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # again: nothing is drawn or added twice

    images = Image.objects.all()
    assert images.count() == 4
    for image in images:
        assert all(getattr(image, f"alt_{code}") for code in ("az", "en", "ru"))
        assert "not a photograph" in image.credit
    releases = Article.objects.filter(legacy_id__isnull=False)
    assert releases.count() == 8
    assert ArticleImage.objects.filter(place="lead").count() == 8
    assert ArticleImage.objects.filter(place="gallery").count() == 3
    html = client.get("/en/news/").content.decode()
    assert html.count('<div class="card__picture">') == 8
