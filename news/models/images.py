"""Photographs: the library of images, and where each release shows them.

An image is uploaded once and used by any number of releases: as their lead photograph, in
their gallery, or placed in a language's body. Its alt text and caption are written in each
language; a language version of a release is only shown once every image it shows has alt
text in that language (see ``Article.availability``), unless the image is marked decorative.
"""

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from ..images import pipeline
from ..images.figures import placed_image_ids
from ..images.validation import file_digest, open_upload
from ..languages import LANGUAGE_CODES, current_language
from .localized import filled, localized


class ImageQuerySet(models.QuerySet):
    def lacking_alt_text(self, language):
        """Return the images that need alt text in ``language`` and have none."""
        return self.filter(decorative=False).exclude(filled("alt", language))

    def create_from_upload(self, upload, **fields):
        """Validate, strip, render and store ``upload``; return the new, saved Image.

        Raises ValidationError for a file we refuse and StorageFailure when the storage does
        not take the files; either way nothing is left behind.
        """
        # Opening checks size and kind before anything reads the whole file.
        picture = open_upload(upload)
        image = self.model(source_digest=file_digest(upload), **fields)
        image.take_picture(picture)
        image.save()
        return image


class Image(models.Model):
    original = models.CharField(_("original file"), max_length=200, editable=False)
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    # [{"kind", "format", "width", "height", "name"}]: everything pages need to show it, so
    # that a page view never opens a file (see news/images/markup.py).
    renditions = models.JSONField(default=list, editable=False)
    # The file as it was uploaded or imported, before anything was stripped: a photograph
    # imported again is found by it instead of being stored twice.
    source_digest = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    alt = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the photograph shows, for visitors who cannot see it: “The Chief of the "
            "Service signs the agreement with the IOM delegation”. Required in every language "
            "in which a release using it is shown."
        ),
    )
    caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the photograph on the release's page."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=150,
        blank=True,
        help_text=_("Who took the photograph or owns it, shown with it on the site."),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_(
            "Tick only for an image that tells visitors nothing, such as a pattern: it is "
            "shown with an empty alt text and needs none."
        ),
    )
    focus_x = models.FloatField(
        _("focal point, from the left"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the left edge, 1 the right; click the preview to set it."),
    )
    focus_y = models.FloatField(
        _("focal point, from the top"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the top edge, 1 the bottom. Square and sharing crops keep this point."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("photograph")
        verbose_name_plural = _("photographs")
        constraints = [
            models.CheckConstraint(
                condition=Q(focus_x__gte=0, focus_x__lte=1, focus_y__gte=0, focus_y__lte=1),
                name="image_focus_inside",
            ),
            models.CheckConstraint(
                condition=~Q(original="") & Q(width__gt=0, height__gt=0),
                name="image_has_a_file",
            ),
        ]

    def __str__(self):
        for language in (current_language(), *LANGUAGE_CODES):
            if text := localized(self, "caption", language) or localized(self, "alt", language):
                return _("Photograph %(number)s: %(text)s") % {
                    "number": self.pk,
                    "text": Truncator(text).chars(60),
                }
        return _("Photograph %(number)s") % {"number": self.pk}

    def save(self, *args, **kwargs):
        alt_changed = self.pk is not None and self.alt_state() != getattr(
            self, "_saved_alt_state", None
        )
        with transaction.atomic():
            super().save(*args, **kwargs)
            if alt_changed:
                # Whether each release using it may be shown in a language may have changed.
                for article in self.releases():
                    article.refresh_availability()
        self._saved_alt_state = self.alt_state()

    def delete(self, *args, **kwargs):
        # Releases using it protect it in the database; revisions can only be asked.
        if kept := self.revisions_using():
            raise models.ProtectedError(
                _("Revisions of releases still show this photograph."), set(kept)
            )
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        image = super().from_db(db, field_names, values)
        if not image.get_deferred_fields():
            image._saved_alt_state = image.alt_state()
        return image

    # Its files

    @property
    def focus(self):
        return (self.focus_x, self.focus_y)

    def take_picture(self, picture):
        """Make this image's files from the decoded upload ``picture`` and store them."""
        self.record(pipeline.ingest(picture, self.focus))

    def refocus(self):
        """Make the crops again around the focal point, from the stored original."""
        self.record(pipeline.recrop(self.stored_picture(), self.focus))

    def stored_picture(self):
        return pipeline.StoredPicture(self.original, self.width, self.height, self.renditions)

    def record(self, stored):
        self.original = stored.original
        self.width, self.height = stored.width, stored.height
        self.renditions = stored.renditions

    def file_names(self):
        """Return the names of every file of this image in the storage."""
        return {self.original, *(entry["name"] for entry in self.renditions)}

    def renditions_of(self, kind, file_format=None):
        """Return this image's renditions of ``kind`` (and ``file_format``), largest first."""
        return sorted(
            (
                entry
                for entry in self.renditions
                if entry["kind"] == kind and file_format in (None, entry["format"])
            ),
            key=lambda entry: entry["width"],
            reverse=True,
        )

    # Its texts

    def alt_state(self):
        return (self.decorative, *(localized(self, "alt", code) for code in LANGUAGE_CODES))

    def alt_text(self, language):
        """Return the alt text pages give it in ``language``: empty if it is decorative."""
        return "" if self.decorative else localized(self, "alt", language)

    def lacks_alt_text(self, language):
        """Mirror ``ImageQuerySet.lacking_alt_text`` for one image already in memory."""
        return not self.decorative and not localized(self, "alt", language)

    # Who shows it

    def releases(self):
        """Return the releases using this image, in the trash or not."""
        return release_model().objects.filter(images__image=self).distinct()

    def is_on_public_record(self):
        """Say whether a release that has gone public uses this image."""
        return self.releases().filter(status__in=release_model().ON_RECORD).exists()

    def revisions_using(self):
        """Return the versions kept in revisions of releases that place this image."""
        return [
            version
            for version in kept_uses().filter(serialized_data__contains=str(self.pk))
            if version.field_dict.get("image_id") == self.pk
        ]


class ArticleImageQuerySet(models.QuerySet):
    def lacking_alt_text(self, language):
        """Return the uses whose image shows in the ``language`` version without alt text."""
        alt = build_localized_fieldname("alt", language)
        return self.filter(Q(language="") | Q(language=language), image__decorative=False).exclude(
            **{f"image__{alt}__gt": ""}
        )


class ArticleImage(models.Model):
    """One use of an image by a release: its lead photograph, in its gallery, or in a body."""

    class Place(models.TextChoices):
        LEAD = "lead", _("lead photograph")
        GALLERY = "gallery", _("gallery")
        BODY = "body", _("in the body")

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="images",
        verbose_name=_("release"),
    )
    image = models.ForeignKey(
        Image, on_delete=models.PROTECT, related_name="uses", verbose_name=_("photograph")
    )
    place = models.CharField(_("place"), max_length=10, choices=Place.choices)
    # Only for photographs placed in a body: the language of that body.
    language = models.CharField(_("language"), max_length=5, blank=True, choices=settings.LANGUAGES)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Gallery photographs are shown by this number.")
    )

    objects = ArticleImageQuerySet.as_manager()

    class Meta:
        ordering = ["place", "position", "id"]
        verbose_name = _("photograph of a release")
        verbose_name_plural = _("photographs of releases")
        constraints = [
            models.UniqueConstraint(
                fields=["article"], condition=Q(place="lead"), name="articleimage_one_lead"
            ),
            models.UniqueConstraint(
                fields=["article", "image", "place", "language"],
                name="articleimage_once_per_place",
            ),
            models.CheckConstraint(
                condition=Q(place="body", language__in=LANGUAGE_CODES)
                | Q(place__in=["lead", "gallery"], language=""),
                name="articleimage_language_of_body",
            ),
        ]

    def __str__(self):
        return f"{self.article} — {self.image}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.article.refresh_photographs()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        self.article.refresh_photographs()
        return deleted


def release_model():
    """Return Article, which imports this module and so cannot be imported by it."""
    return ArticleImage._meta.get_field("article").related_model


def kept_uses():
    """Return the versions of image uses kept in revisions of releases that still exist.

    A release deleted for good takes its own versions with it; the uses its revisions held
    then protect nothing.
    """
    releases = ContentType.objects.get_for_model(release_model())
    return (
        Version.objects.get_for_model(ArticleImage)
        .filter(revision__version__content_type=releases)
        .distinct()
    )


def images_lacking_alt_text(article):
    """Return {language: [Image]}: what ``article``'s version in each language shows without
    alt text in that language.

    Mirrors ``ArticleImageQuerySet.lacking_alt_text`` for a release already in memory, whose
    bodies may not be saved yet: the lead photograph and the gallery count for every
    language, a photograph placed in a body for that body's language.
    """
    shared = set()
    if article.pk is not None:
        shared = set(
            ArticleImage.objects.filter(article_id=article.pk)
            .exclude(place=ArticleImage.Place.BODY)
            .values_list("image_id", flat=True)
        )
    placed = {
        code: set(placed_image_ids(localized(article, "body", code))) for code in LANGUAGE_CODES
    }
    wanted = shared.union(*placed.values())
    images = Image.objects.in_bulk(wanted) if wanted else {}
    return {
        code: [
            images[number]
            for number in sorted(shared | placed[code])
            if number in images and images[number].lacks_alt_text(code)
        ]
        for code in LANGUAGE_CODES
    }


def place_body_images(article):
    """Record which library images each language's body of the saved ``article`` places."""
    wanted = {
        (code, number)
        for code in LANGUAGE_CODES
        for number in placed_image_ids(localized(article, "body", code))
    }
    if wanted:
        # A number that is not in the library (any more) places nothing; pages skip it too.
        known = Image.objects.filter(pk__in={number for _code, number in wanted})
        known = set(known.values_list("pk", flat=True))
        wanted = {(code, number) for code, number in wanted if number in known}
    body = ArticleImage.objects.filter(article=article, place=ArticleImage.Place.BODY)
    current = {(use.language, use.image_id): use.pk for use in body}
    stale = [pk for key, pk in current.items() if key not in wanted]
    if stale:
        ArticleImage.objects.filter(pk__in=stale).delete()
    created = ArticleImage.objects.bulk_create(
        ArticleImage(article=article, image_id=number, place=ArticleImage.Place.BODY, language=code)
        for code, number in sorted(wanted - current.keys())
    )
    if reversion.is_active():
        # Rows made in bulk send no signal: the revision of this save must still hold them.
        for use in created:
            reversion.add_to_revision(use)
