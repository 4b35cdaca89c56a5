"""From a decoded upload to the files we keep: the stripped original and every rendition.

Everything is made in memory first and stored last, all or none (see ``storage.store``), so a
refusal or a failing storage leaves nothing behind. Once the full-size image is upright, the
work runs on two threads, as Pillow releases the interpreter lock while it resizes and
encodes: one encodes the original we keep while the other makes the renditions from a copy
reduced to what they need.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from PIL import Image

from .renditions import Kind, crops, encode, sizes, working_copy
from .storage import file_storage, name_for, store
from .stripping import clean_pixels, encode_original
from .validation import source_format

ENCODING_THREADS = 2


@dataclass(frozen=True)
class StoredPicture:
    """What an Image records of its files: the original's name and size, and each rendition."""

    original: str
    width: int
    height: int
    renditions: list = field(default_factory=list)


def ingest(picture, focus):
    """Strip, render and store the decoded upload ``picture``; return its StoredPicture."""
    file_format = source_format(picture)
    # Upright and in sRGB in place where Pillow can: a camera-sized image is kept once.
    pixels = clean_pixels(picture)
    with ThreadPoolExecutor(ENCODING_THREADS) as pool:
        original = pool.submit(encode_original, pixels, picture, file_format)
        # One task per size: Pillow keeps a save's options on the image itself, so one image
        # must never be saved by two threads at once.
        made = [
            rendition
            for renditions in pool.map(encoded, sizes(working_copy(pixels), focus))
            for rendition in renditions
        ]
        data = original.result()
    names = store(
        [(name_for(data, file_format), data)]
        + [(name_for(rendition.data, rendition.format), rendition.data) for rendition in made]
    )
    return StoredPicture(
        original=names[0],
        width=pixels.width,
        height=pixels.height,
        renditions=[
            described(rendition, name) for rendition, name in zip(made, names[1:], strict=True)
        ],
    )


def recrop(stored, focus):
    """Return ``stored`` with its squares and sharing crop made again around ``focus``."""
    with file_storage().open(stored.original, "rb") as original:
        pixels = clean_pixels(working_copy(Image.open(original)))
    made = [rendition for sized in crops(pixels, focus) for rendition in encoded(sized)]
    names = store(
        [(name_for(rendition.data, rendition.format), rendition.data) for rendition in made]
    )
    kept = [entry for entry in stored.renditions if entry["kind"] == Kind.WIDTH]
    return StoredPicture(
        original=stored.original,
        width=stored.width,
        height=stored.height,
        renditions=kept
        + [described(rendition, name) for rendition, name in zip(made, names, strict=True)],
    )


def encoded(sized):
    """Return the renditions of ``sized`` in each of its formats."""
    return [encode(sized, file_format) for file_format in sized.formats]


def described(rendition, name):
    return {
        "kind": rendition.kind,
        "format": rendition.format,
        "width": rendition.width,
        "height": rendition.height,
        # Feeds state a file's length (RSS enclosures); no page view may ask the storage.
        "bytes": len(rendition.data),
        "name": name,
    }
