"""The sizes pages show, made once when a photograph is saved, never on a visitor's request.

Widths for the article page and the gallery, in WebP and in JPEG for the browsers that lack
it; squares for cards and the admin; one 1200 × 630 crop for sharing on social networks. The
crops are centred on the photograph's focal point, so that faces stay in the frame.
"""

from dataclasses import dataclass
from io import BytesIO

from PIL import Image

WIDTHS = (1600, 960, 480)
SQUARES = (400, 200)
SOCIAL = (1200, 630)
FORMATS = ("webp", "jpeg")
# WebP's effort 2 of 6: files within a few per cent of its smallest, in a third of the time.
# JPEG is for the few browsers without WebP: baseline, as progressive costs four times the
# encoding for files some 5 % smaller.
ENCODING = {
    "webp": {"quality": 80, "method": 2},
    "jpeg": {"quality": 82, "optimize": True},
}
MEDIA_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg"}
# Resizing first averages blocks of pixels, then resamples the rest of the way with Lanczos:
# by Pillow's measure indistinguishable from Lanczos all the way, and several times faster.
REDUCING_GAP = 2.0


class Kind:
    WIDTH = "width"
    SQUARE = "square"
    SOCIAL = "social"


@dataclass(frozen=True)
class Rendition:
    kind: str
    format: str
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class Sized:
    """One size to encode: which kind it is, the pixels, and the formats it is wanted in."""

    kind: str
    pixels: Image.Image
    formats: tuple


def sizes(pixels, focus):
    """Return every Sized a photograph needs, from its upright sRGB ``pixels``."""
    return [*widths(pixels), *crops(pixels, focus)]


def working_copy(picture):
    """Return a copy of ``picture`` reduced to what the largest rendition needs.

    Halving by averaging is fast and loses nothing the renditions show; the shorter side stays
    at least the largest width, so every crop is still made from more pixels than it keeps.
    """
    return picture.reduce(max(1, min(picture.size) // WIDTHS[0]))


def crops(pixels, focus):
    """Return the squares and the sharing crop, centred on ``focus`` (x, y from 0 to 1)."""
    largest, *smaller = SQUARES
    square = resized(pixels, (largest, largest), crop_box(pixels.size, 1, focus))
    squares = [square, *(resized(square, (side, side)) for side in smaller)]
    made = [Sized(Kind.SQUARE, each, FORMATS) for each in squares]
    social_box = crop_box(pixels.size, SOCIAL[0] / SOCIAL[1], focus)
    # Sharing previews are read by every kind of client: JPEG is the one they all take.
    made.append(Sized(Kind.SOCIAL, resized(pixels, SOCIAL, social_box), ("jpeg",)))
    return made


def widths(pixels):
    """Return the photograph at each width pages offer, never wider than it is."""
    made = []
    step = pixels
    for width in sorted({min(width, pixels.width) for width in WIDTHS}, reverse=True):
        size = (width, max(1, round(pixels.height * width / pixels.width)))
        # Each width is made from the next larger one: a fraction of the work, no visible loss.
        step = step if step.size == size else resized(step, size)
        made.append(Sized(Kind.WIDTH, step, FORMATS))
    return made


def crop_box(size, aspect, focus):
    """Return the largest box of ``aspect`` (width / height) in ``size``, around ``focus``."""
    width, height = size
    crop_width = min(width, height * aspect)
    crop_height = crop_width / aspect
    left = clamp(focus[0] * width - crop_width / 2, 0, width - crop_width)
    top = clamp(focus[1] * height - crop_height / 2, 0, height - crop_height)
    return (left, top, left + crop_width, top + crop_height)


def clamp(value, lowest, highest):
    return max(lowest, min(value, highest))


def resized(pixels, size, box=None):
    return pixels.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=REDUCING_GAP)


def encode(sized, file_format):
    """Return the Rendition of ``sized`` in ``file_format``."""
    pixels = sized.pixels
    if file_format == "jpeg" and pixels.mode != "RGB":
        pixels = flattened(pixels)
    output = BytesIO()
    pixels.save(output, format=file_format.upper(), **ENCODING[file_format])
    return Rendition(sized.kind, file_format, pixels.width, pixels.height, output.getvalue())


def flattened(pixels):
    """Return transparent ``pixels`` laid on white, for formats without transparency."""
    background = Image.new("RGB", pixels.size, "white")
    background.paste(pixels, mask=pixels.getchannel("A"))
    return background
