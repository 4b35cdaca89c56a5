"""Keep a photograph's pixels and nothing else: no EXIF, GPS, XMP, IPTC, comment or thumbnail.

A government site must never publish where a photo was taken, or with which camera, unless an
editor writes it. Every file we store, the original included, is encoded afresh from pixels
whose file information has been dropped; the orientation the camera recorded is applied first,
and colours are converted to sRGB, so no profile needs to travel with them either.
"""

import io
import logging

from PIL import ImageCms, ImageOps, JpegImagePlugin

logger = logging.getLogger(__name__)

SRGB = ImageCms.createProfile("sRGB")
# Modes a colour profile can be converted from, and the mode that keeps their transparency.
PROFILED_MODES = {"RGB": "RGB", "RGBA": "RGBA", "CMYK": "RGB"}
# Originals are encoded again with the quality a careful export would use; a JPEG keeps the
# quantisation of the camera's own file, so re-encoding it loses nothing visible.
ORIGINAL_OPTIONS = {
    "jpeg": {"quality": 92},
    "png": {"compress_level": 6},
    "webp": {"quality": 90, "method": 4},
}


def clean_pixels(picture):
    """Return ``picture`` upright, in sRGB RGB or RGBA, with none of its file's information."""
    ImageOps.exif_transpose(picture, in_place=True)
    profile = picture.info.get("icc_profile")
    cleaned = to_srgb(picture, profile) if profile else None
    cleaned = cleaned or to_rgb(picture)
    # Pillow copies a file's information (comments, profile, EXIF) into images made from it,
    # and some encoders write it back out unless told otherwise: drop all of it.
    cleaned.info = {}
    return cleaned


def to_srgb(picture, profile):
    """Return ``picture`` converted from its embedded colour profile to sRGB, or None."""
    mode = PROFILED_MODES.get(picture.mode)
    if mode is None:
        return None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        if mode == picture.mode:
            ImageCms.profileToProfile(picture, source, SRGB, inPlace=True)
            return picture
        return ImageCms.profileToProfile(picture, source, SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError) as error:
        # A broken profile is dropped: the pixels are then read as sRGB, as browsers would.
        logger.info("Ignored an unreadable colour profile: %s", error)
        return None


def to_rgb(picture):
    """Return ``picture`` as RGB, or RGBA if any of it is transparent."""
    if picture.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        # 16-bit and float greys: scale into 8 bits before they become colours.
        picture = picture.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if picture.mode == "RGB":
        return picture
    if picture.mode == "RGBA" or picture.has_transparency_data:
        rgba = picture.convert("RGBA")
        low, _high = rgba.getchannel("A").getextrema()
        return rgba if low < 255 else rgba.convert("RGB")
    return picture.convert("RGB")


def encode_original(pixels, source, file_format):
    """Return the bytes of the original we keep: ``pixels`` in the upload's own format."""
    options = dict(ORIGINAL_OPTIONS[file_format])
    if file_format == "jpeg" and isinstance(source, JpegImagePlugin.JpegImageFile):
        options = {"qtables": source.quantization, "subsampling": subsampling_of(source)}
    output = io.BytesIO()
    image = pixels.convert("RGB") if file_format == "jpeg" and pixels.mode != "RGB" else pixels
    image.save(output, format=file_format.upper(), **options)
    return output.getvalue()


def subsampling_of(source):
    """Return the camera file's chroma subsampling, or Pillow's default if it cannot tell."""
    sampling = JpegImagePlugin.get_sampling(source)
    return sampling if sampling != -1 else 2
