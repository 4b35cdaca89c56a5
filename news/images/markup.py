"""The ``<picture>`` markup of photographs, from the names and sizes their Image records.

A page view never opens a file or runs Pillow: every rendition's name, width and height are
in the database, and the storage only turns names into addresses (``storage.url``), which
works the same for files on disk and objects in a bucket.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..models import ArticleImage
from .figures import replace_figures
from .renditions import MEDIA_TYPES, Kind
from .storage import file_storage

# The width browsers without srcset get, and whose size the markup states.
FALLBACK_WIDTH = 960
FIGURE_TEMPLATE = "includes/photograph.html"


@dataclass(frozen=True)
class Source:
    media_type: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    """What ``includes/picture.html`` needs: one source per modern format, then the JPEG."""

    sources: list
    src: str
    srcset: str
    width: int
    height: int
    alt: str


def picture(image, language, kind=Kind.WIDTH):
    """Return the Picture of ``image`` at the sizes of ``kind``, with its ``language`` alt."""
    jpegs = image.renditions_of(kind, "jpeg")
    if not jpegs:
        return None
    fallback = fallback_rendition(jpegs)
    sources = [
        Source(MEDIA_TYPES[file_format], srcset(entries))
        for file_format in MEDIA_TYPES
        if file_format != "jpeg" and (entries := image.renditions_of(kind, file_format))
    ]
    return Picture(
        sources=sources,
        src=file_storage().url(fallback["name"]),
        srcset=srcset(jpegs),
        width=fallback["width"],
        height=fallback["height"],
        alt=image.alt_text(language),
    )


def fallback_rendition(entries):
    """Return the rendition of ``entries`` closest to the width every client can be given."""
    return min(entries, key=lambda entry: abs(entry["width"] - FALLBACK_WIDTH))


def srcset(entries):
    storage = file_storage()
    return ", ".join(f"{storage.url(entry['name'])} {entry['width']}w" for entry in entries)


@dataclass(frozen=True)
class Sharing:
    """The picture social networks show for a page (Open Graph): an absolute URL, its size."""

    url: str
    width: int
    height: int
    alt: str


class ReleasePhotographs:
    """The photographs of one release's page, described in the language of the version shown.

    Reads only the release's prefetched uses (``Article.read_page_relations``).
    """

    def __init__(self, article, language):
        uses = list(article.images.all())
        self.language = language
        self.lead = next((use.image for use in uses if use.place == ArticleImage.Place.LEAD), None)
        self.gallery = [use.image for use in uses if use.place == ArticleImage.Place.GALLERY]
        self.library = {use.image_id: use.image for use in uses}

    def body(self, html):
        """Return the body ``html`` with each figure drawn from the library, lazily loaded."""
        # The body was sanitised when it was saved (news/html.py); figures are ours.
        return mark_safe(replace_figures(html, self.figure))

    def figure(self, number):
        image = self.library.get(number)
        if image is None:
            return ""
        return render_to_string(
            FIGURE_TEMPLATE, {"image": image, "language": self.language, "lazy": True}
        )

    def sharing(self, request):
        """Return the Sharing of the release: its lead photograph's crop, else any's; or None."""
        for image in (self.lead, *self.gallery, *self.library.values()):
            if image is not None and (crops := image.renditions_of(Kind.SOCIAL, "jpeg")):
                crop = crops[0]
                return Sharing(
                    url=request.build_absolute_uri(file_storage().url(crop["name"])),
                    width=crop["width"],
                    height=crop["height"],
                    alt=image.alt_text(self.language),
                )
        return None
