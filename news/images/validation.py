"""Accept only real JPEG, PNG and WebP photographs, decoded in full, and say why anything else
is refused."""

import hashlib
import logging
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
MIN_SIDE = 400
# Pillow's guard against decompression bombs, set for our photographs instead of its default
# (about 89 megapixels, and only a warning up to twice that): the largest camera frames the
# press office meets are 45 megapixels, and 50 megapixels already decode into 150 MB. Larger
# images are refused from their header, before a single pixel is decoded.
MAX_PIXELS = 50_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# What the decoders Pillow may try call the formats we accept. MPO is the JPEG that phones
# and some cameras write with a second, preview frame: it is read as the JPEG it starts with.
DECODERS = ["JPEG", "PNG", "WEBP"]
ACCEPTED_FORMATS = {"JPEG": "jpeg", "MPO": "jpeg", "PNG": "png", "WEBP": "webp"}


def refusal(message, code, **params):
    return ValidationError(message, code=code, params=params)


def open_upload(upload):
    """Return the decoded image in ``upload``, or raise ValidationError saying why not.

    The size is checked first, from what the upload says of itself, so an oversized file is
    refused before anything reads it; the format is then found from the content alone.
    """
    if upload.size > MAX_BYTES:
        raise refusal(
            _(
                "This file is larger than %(limit)d MB, the most a photograph may be. Export it "
                "again at a smaller size."
            ),
            "too_large",
            limit=MAX_BYTES // (1024 * 1024),
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice that; here both are refusals.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(upload, formats=DECODERS)
            check_dimensions(picture)
            picture.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise bomb_refusal() from None
    except UnidentifiedImageError:
        raise refusal(
            _(
                "This file is not a JPEG, PNG or WebP photograph (its content was read, not "
                "its name). Other formats, such as GIF, SVG or PDF, are not accepted."
            ),
            "not_an_image",
        ) from None
    except Exception as error:  # any decoder failure on untrusted bytes means a damaged file
        logger.info("Refused an image that does not decode: %r", error)
        raise refusal(
            _("This photograph is damaged or incomplete and cannot be read. Export it again."),
            "damaged",
        ) from None
    return picture


def file_digest(upload):
    """Return the SHA-256 of ``upload`` as it was given: how a photograph given twice is known."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def check_dimensions(picture):
    """Refuse a picture of an unknown kind, too many pixels, or too small, from its header."""
    if picture.format not in ACCEPTED_FORMATS:
        raise refusal(_("This file is not a JPEG, PNG or WebP photograph."), "not_an_image")
    width, height = picture.size
    if width * height > MAX_PIXELS:
        raise bomb_refusal()
    if min(width, height) < MIN_SIDE:
        raise refusal(
            _(
                "This photograph is %(width)d × %(height)d pixels; its shorter side must be at "
                "least %(minimum)d pixels, or it would look blurred on the site."
            ),
            "too_small",
            width=width,
            height=height,
            minimum=MIN_SIDE,
        )


def bomb_refusal():
    return refusal(
        _(
            "This image has more than %(megapixels)d megapixels, more than any photograph "
            "needs; it is refused to protect the server. Reduce its size and upload it again."
        ),
        "too_many_pixels",
        megapixels=MAX_PIXELS // 1_000_000,
    )


def source_format(picture):
    """Return "jpeg", "png" or "webp": the format the uploaded file really is."""
    return ACCEPTED_FORMATS[picture.format]
