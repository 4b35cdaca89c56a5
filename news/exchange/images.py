"""Photographs in import and export files: each release's lead photograph, gallery and figures.

A record may carry its photographs, each a file in a media folder the command is given:

    "images": [
      {"file": "2020/12/meeting.jpg", "place": "lead",
       "alt": {"az": "…", "en": "…"}, "caption": {"az": "…"}, "credit": "Press service",
       "decorative": false, "focus": [0.5, 0.4]},
      {"file": "2020/12/signing.jpg", "place": "gallery", "position": 1, …},
      {"file": "2020/12/chart.png", "place": "body", "language": "en", …}
    ]

and its bodies place a photograph of the list as ``<figure data-image="2020/12/chart.png">``.
The same file in several records is one photograph of the library, found again by the SHA-256
of the file on a later import instead of being stored twice. Every file is opened and decoded
while the file is checked, as an upload is, so a missing, damaged or refused photograph names
its record and field before anything is written.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _

from ..images.figures import replace_figures
from ..images.validation import MAX_BYTES, file_digest, open_upload
from ..languages import LANGUAGE_CODES
from ..limits import validate_characters
from ..models import ArticleImage, Image
from ..models.localized import localized

IMAGE_KEYS = {
    "file",
    "place",
    "position",
    "language",
    "alt",
    "caption",
    "credit",
    "decorative",
    "focus",
}
TEXT_LIMITS = {
    "alt": Image._meta.get_field("alt").max_length,
    "caption": Image._meta.get_field("caption").max_length,
}
CREDIT_MAX_LENGTH = Image._meta.get_field("credit").max_length
Place = ArticleImage.Place
# A figure as the file writes it: naming one of the record's photographs by its file.
FIGURE_BY_FILE = re.compile(r'<figure data-image="([^"<>]{1,300})"></figure>')


@dataclass
class ImageEntry:
    """One photograph of a record, checked: its file, where the release shows it, its texts."""

    file: str
    place: str
    position: int = 0
    language: str = ""
    alt: dict = field(default_factory=dict)
    caption: dict = field(default_factory=dict)
    credit: str = ""
    decorative: bool = False
    focus: tuple = (0.5, 0.5)
    digest: str = ""


def figures_by_file(html):
    """Return the files the figures of ``html`` name, in order."""
    return FIGURE_BY_FILE.findall(html or "")


def parse_images(value, texts, problem):
    """Return the record's ImageEntry list from ``value``, telling ``problem`` what is wrong."""
    if not isinstance(value, list):
        problem("images", _("expected a list of photographs"))
        return []
    entries = []
    for index, raw in enumerate(value):
        name = f"images[{index}]"
        if not isinstance(raw, dict):
            problem(name, _('expected an object such as {"file": "…", "place": "lead"}'))
            continue
        if entry := _parse_entry(raw, name, problem):
            entries.append(entry)
    if sum(entry.place == Place.LEAD for entry in entries) > 1:
        problem("images", _("a release has one lead photograph"))
    for language, html in texts.get("body", {}).items():
        listed = {e.file for e in entries if e.place == Place.BODY and e.language == language}
        for missing in dict.fromkeys(f for f in figures_by_file(html) if f not in listed):
            problem(
                f"body.{language}",
                _(
                    "a figure names “%(file)s”, which is not among the record's photographs "
                    "placed in this language's body"
                )
                % {"file": missing},
            )
    return entries


def _parse_entry(raw, name, problem):
    found = []

    def wrong(key, message):
        found.append(key)
        problem(f"{name}.{key}", message)

    for unknown in sorted(set(raw) - IMAGE_KEYS):
        wrong(unknown, _("unknown field"))
    file = raw.get("file")
    if not isinstance(file, str) or not file.strip() or len(file) > 300:
        wrong("file", _("expected the photograph's path inside the media folder"))
    place = raw.get("place")
    if place not in Place.values:
        wrong("place", _("expected one of %(places)s") % {"places": ", ".join(Place.values)})
    language = raw.get("language", "")
    if place == Place.BODY and language not in LANGUAGE_CODES:
        wrong("language", _("a photograph in a body names its body's language: az, en or ru"))
    elif place != Place.BODY and language:
        wrong("language", _("only a photograph placed in a body has a language"))
    position = raw.get("position", 0)
    if not isinstance(position, int) or isinstance(position, bool) or not 0 <= position < 1000:
        wrong("position", _("expected a whole number from 0 to 999"))
    texts = {key: _languages(raw.get(key, {}), key, TEXT_LIMITS[key], wrong) for key in TEXT_LIMITS}
    credit = raw.get("credit", "")
    if not isinstance(credit, str) or len(credit) > CREDIT_MAX_LENGTH:
        wrong(
            "credit",
            _("expected text of at most %(limit)s characters") % {"limit": CREDIT_MAX_LENGTH},
        )
    decorative = raw.get("decorative", False)
    if not isinstance(decorative, bool):
        wrong("decorative", _("expected true or false"))
    focus = raw.get("focus", [0.5, 0.5])
    if not (isinstance(focus, list) and len(focus) == 2 and all(map(_fraction, focus))):
        wrong("focus", _("expected [x, y], each from 0 to 1"))
    if found:
        return None
    return ImageEntry(
        file=file.strip(),
        place=place,
        position=position,
        language=language,
        alt=texts["alt"],
        caption=texts["caption"],
        credit=credit,
        decorative=decorative,
        focus=tuple(float(v) for v in focus),
    )


def _fraction(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1


def _languages(value, key, limit, wrong):
    """Return {language: text} of ``value``, each checked as the library's fields would be."""
    if not isinstance(value, dict):
        wrong(key, _('expected an object of languages such as {"az": "…"}'))
        return {}
    texts = {}
    for language, text in value.items():
        if language not in LANGUAGE_CODES or not isinstance(text, str) or len(text) > limit:
            wrong(
                f"{key}.{language}",
                _("expected text of at most %(limit)s characters in az, en or ru")
                % {"limit": limit},
            )
            continue
        try:
            validate_characters(text)
        except ValidationError as error:
            wrong(f"{key}.{language}", " ".join(error.messages))
            continue
        texts[language] = text
    return texts


class MediaFolder:
    """The folder an import reads its photographs from, and what it has learnt of each file.

    A file is read once however many records name it, and a file the library already holds
    (by its SHA-256) is not decoded again.
    """

    def __init__(self, root):
        self.root = Path(root).resolve() if root else None
        self.examined = {}  # name -> (digest, None) or (None, why it is refused)

    def check(self, entries):
        """Check each entry's file, noting its digest on the entry; return [(field, problem)]."""
        problems = []
        for index, entry in enumerate(entries):
            if entry.file not in self.examined:
                self.examined[entry.file] = self._examine(entry.file)
            entry.digest, refusal = self.examined[entry.file]
            if refusal:
                problems.append((f"images[{index}].file", refusal))
        return problems

    def _examine(self, name):
        if self.root is None:
            return None, _("the record has photographs: give the media folder they are in")
        path = (self.root / name).resolve()
        if not path.is_relative_to(self.root):
            return None, _("“%(file)s” is outside the media folder") % {"file": name}
        if not path.is_file():
            return None, _("“%(file)s” is not in the media folder") % {"file": name}
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            if upload.size > MAX_BYTES:
                return None, _("“%(file)s” is larger than %(limit)d MB") % {
                    "file": name,
                    "limit": MAX_BYTES // (1024 * 1024),
                }
            digest = file_digest(upload)
            if not Image.objects.filter(source_digest=digest).exists():
                try:
                    open_upload(upload).close()
                except ValidationError as error:
                    return None, f"“{name}”: " + " ".join(error.messages)
        return digest, None

    def image(self, entry):
        """Return the library's photograph of ``entry``'s file, storing it the first time."""
        image = Image.objects.filter(source_digest=entry.digest).first()
        if image is None:
            with (self.root / entry.file).open("rb") as handle:
                image = Image.objects.create_from_upload(File(handle, name=Path(entry.file).name))
        return image


def _use_of(place, position, language, digest):
    # Only the gallery's order counts; a lead or body photograph has no position that matters.
    return (digest, place, position if place == Place.GALLERY else 0, language)


def photographs_differ(article, entries):
    """Say whether ``entries`` would change which photographs ``article`` shows, or their texts."""
    if article.pk is None:
        return bool(entries)
    uses = article.images.select_related("image")
    shown = {_use_of(u.place, u.position, u.language, u.image.source_digest) for u in uses}
    wanted = {_use_of(e.place, e.position, e.language, e.digest) for e in entries}
    if shown != wanted:
        return True
    library = {use.image.source_digest: use.image for use in uses}
    return any(described(library[entry.digest]) != described_entry(entry) for entry in entries)


def described_entry(entry):
    """Return what ``entry`` says of its photograph, as ``described`` reads an image."""
    texts = [getattr(entry, key).get(code, "") for key in TEXT_LIMITS for code in LANGUAGE_CODES]
    return (*texts, entry.credit, entry.decorative, entry.focus)


def described(image):
    """Return what an import may change of ``image``: its texts, credit and focal point."""
    texts = [localized(image, key, code) for key in TEXT_LIMITS for code in LANGUAGE_CODES]
    return (*texts, image.credit, image.decorative, image.focus)


def describe_image(image, entry):
    """Give ``image`` the texts, credit and focal point ``entry`` says; save it if they differ."""
    before = described(image)
    for key in TEXT_LIMITS:
        for language, text in getattr(entry, key).items():
            setattr(image, f"{key}_{language}", text)
    image.credit, image.decorative = entry.credit, entry.decorative
    if entry.focus != image.focus:
        image.focus_x, image.focus_y = entry.focus
        image.refocus()
    if described(image) != before:
        image.save()
    return image


def body_with_library_numbers(html, numbers):
    """Return ``html`` with each figure naming its photograph by library number, not file."""
    return FIGURE_BY_FILE.sub(
        lambda match: f'<figure data-image="{numbers[match.group(1)]}"></figure>', html
    )


def body_with_files(html, files):
    """Return ``html`` with each figure naming its photograph by file, as exports write it."""
    return replace_figures(
        html,
        lambda number: f'<figure data-image="{files[number]}"></figure>' if number in files else "",
    )
