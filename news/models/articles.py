import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models import Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from ..html import sanitize_html
from ..images.editor import PHOTOGRAPH_NODE
from ..languages import LANGUAGE_CODES, current_language
from ..limits import (
    BODY_MAX_LENGTH,
    EARLIEST_STORED,
    LATEST_STORED,
    REVIEW_REMARK_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    WITHDRAWAL_REASON_MAX_LENGTH,
    MaxCleanLengthValidator,
    validate_characters,
    validate_release_date,
)
from ..text import SLUG_MAX_LENGTH, make_slug
from .categories import Category
from .gate import (
    REQUIRED_FOR_PUBLICATION,
    ArticleQuerySet,
    availability_constraints,
    availability_field,
    missing_language_indexes,
    photograph_uses,
    public_list_indexes,
)
from .images import images_lacking_alt_text, place_body_images
from .localized import at_most, localized
from .translations import Translation, TranslationState

# The fields a translation is made from; a change to them in the original outdates it.
SOURCE_FIELDS = ("title", "summary", "body")
# Translated text columns without a length of their own in the database, and their limits.
TEXT_LIMITS = {
    "summary": SUMMARY_MAX_LENGTH,
    "body": BODY_MAX_LENGTH,
    "withdrawal_reason": WITHDRAWAL_REASON_MAX_LENGTH,
}

BODY_EDITOR = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Underline": True,
        "Strike": True,
        "Subscript": True,
        "Superscript": True,
        "Heading": {"levels": [2, 3, 4]},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "HorizontalRule": True,
        "HardBreak": True,
        "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
        "History": True,
        "Photograph": PHOTOGRAPH_NODE,
    }
}


def release_url(pk, language, slugs, original_language):
    """Return the address of release ``pk`` in ``language``; ``slugs`` maps languages to slugs.

    A version without a slug of its own is addressed by the original's (or another's): the
    page then explains which versions exist.
    """
    order = (language, original_language, *LANGUAGE_CODES)
    slug = next((slugs[code] for code in order if slugs.get(code)), "-")
    with override(language):
        return reverse("news:article", kwargs={"pk": pk, "slug": slug})


@dataclass(frozen=True)
class ArticleVersion:
    """One language version of a release, as a page shows it."""

    language: str
    title: str
    summary: str
    body: str
    withdrawal_reason: str


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Statuses of releases that went public and stay at their address.
    ON_RECORD = (Status.PUBLISHED, Status.WITHDRAWN)

    legacy_id = models.PositiveIntegerField(
        _("legacy ID"),
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Number of this release on the agency's previous website; imports match on it "
            "and its old address keeps working."
        ),
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("category")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("release date"),
        default=timezone.now,
        validators=[validate_release_date],
        help_text=_(
            "Shown on the release. Visitors see a published release from this date and time "
            "(Baku time) on; a later time schedules it."
        ),
    )
    original_language = models.CharField(
        _("original language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language the release is written in. Other languages are translations of it "
            "and are flagged as outdated when it changes."
        ),
    )
    title = models.CharField(
        _("title"), max_length=TITLE_MAX_LENGTH, blank=True, validators=[validate_characters]
    )
    slug = models.SlugField(
        _("URL slug"),
        max_length=SLUG_MAX_LENGTH,
        blank=True,
        help_text=_("Made from the title when left empty; Latin letters, digits and hyphens."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=SUMMARY_MAX_LENGTH,
        validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH), validate_characters],
        help_text=_("The lead: one or two plain sentences shown in lists and search results."),
    )
    body = ProseEditorField(
        _("body"),
        blank=True,
        config=BODY_EDITOR,
        sanitize=sanitize_html,
        validators=[MaxCleanLengthValidator(BODY_MAX_LENGTH), validate_characters],
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="articles",
        verbose_name=_("author"),
    )
    source_digest = models.CharField(max_length=64, blank=True, editable=False)
    review_remark = models.TextField(
        _("remark from the review"),
        blank=True,
        max_length=REVIEW_REMARK_MAX_LENGTH,
        validators=[MaxLengthValidator(REVIEW_REMARK_MAX_LENGTH), validate_characters],
        help_text=_("Why a publisher sent the release back to its author, and what to change."),
    )
    withdrawn_at = models.DateTimeField(
        _("withdrawn on"),
        null=True,
        blank=True,
        editable=False,
        validators=[validate_release_date],
    )
    withdrawal_reason = models.TextField(
        _("reason for withdrawal"),
        blank=True,
        max_length=WITHDRAWAL_REASON_MAX_LENGTH,
        validators=[MaxLengthValidator(WITHDRAWAL_REASON_MAX_LENGTH), validate_characters],
        help_text=_("Shown to visitors on the withdrawn release, in each language it has."),
    )
    deleted_at = models.DateTimeField(
        _("moved to the trash"), null=True, blank=True, editable=False
    )
    # Whether each language version may be shown once the release is public: complete, and
    # not held back by its translator. Derived, kept in step by refresh_availability(); the
    # public gate reads these so that its lists are served from partial indexes.
    available_az = models.BooleanField(default=False, editable=False)
    available_en = models.BooleanField(default=False, editable=False)
    available_ru = models.BooleanField(default=False, editable=False)
    # Derived from the release's lead use (an ArticleImage in the lead place), kept in step by
    # refresh_photographs(), so that lists read it with the release instead of in a query more.
    lead_image = models.ForeignKey(
        "news.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("lead photograph"),
    )
    # Raised by every save; a form saved with an older number was edited on a stale copy.
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("last edited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        permissions = [
            ("publish_article", _("Can publish, schedule, withdraw and restore press releases")),
        ]
        indexes = [
            # The admin's list and every export: the releases outside the trash, newest first.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="article_newest_first",
            ),
            # Releases by status and time: what is on record, what is scheduled next.
            models.Index(
                fields=["status", "-published_at", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="article_public_list",
            ),
            *public_list_indexes(LANGUAGE_CODES),
            *missing_language_indexes(LANGUAGE_CODES),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "published", "withdrawn"]),
                name="article_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | Q(withdrawn_at__isnull=False),
                name="article_withdrawal_dated",
            ),
            models.CheckConstraint(
                condition=Q(original_language__in=LANGUAGE_CODES),
                name="article_original_language_known",
            ),
            *availability_constraints(LANGUAGE_CODES),
            models.CheckConstraint(
                condition=Q(published_at__gte=EARLIEST_STORED, published_at__lt=LATEST_STORED),
                name="article_release_date_in_range",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True)
                | Q(withdrawn_at__gte=EARLIEST_STORED, withdrawn_at__lt=LATEST_STORED),
                name="article_withdrawal_date_in_range",
            ),
            models.CheckConstraint(
                condition=at_most("review_remark", REVIEW_REMARK_MAX_LENGTH),
                name="article_review_remark_length",
            ),
            *(
                models.CheckConstraint(
                    condition=at_most(build_localized_fieldname(field, language), limit),
                    name=f"article_{field}_{language}_length",
                )
                for field, limit in TEXT_LIMITS.items()
                for language in LANGUAGE_CODES
            ),
        ]

    def __str__(self):
        for language in (current_language(), *LANGUAGE_CODES):
            if title := localized(self, "title", language):
                return title
        return f"#{self.pk}"

    def __getstate__(self):
        # Addresses are worked out afresh after unpickling: a kept copy outlives a deploy.
        state = super().__getstate__()
        state.pop("_urls", None)
        return state

    def save(self, *args, **kwargs):
        self.prepare_to_save()
        retranslated = self.retranslated_languages()
        with transaction.atomic():
            # Counted from the stored value, whatever number this copy of the release holds.
            stored = Article.objects.filter(pk=self.pk).values_list("lock_version", flat=True)
            self.lock_version = (stored.first() or 0) + 1 if self.pk else 0
            super().save(*args, **kwargs)
            place_body_images(self)
            for language in retranslated:
                self.record_translation_source(language)
        self._saved_texts = self.texts()

    def get_absolute_url(self, language=None):
        language = language or current_language()
        # A version without a slug of its own, or not public, is addressed by a public
        # version's (else any's): the page then explains which versions exist, and a title
        # held back or not yet released never shows in an address.
        order = (language, *self.languages_original_first())
        slugs = [
            *(localized(self, "slug", code) for code in order if self.is_available_in(code)),
            *(localized(self, "slug", code) for code in order),
        ]
        slug = next((slug for slug in slugs if slug), "-")
        # A page asks for the same few addresses many times (canonical, language links,
        # structured data); keyed by slug too, so a renamed release is never given its old one.
        urls = self.__dict__.setdefault("_urls", {})
        if (language, slug) not in urls:
            with override(language):
                urls[language, slug] = reverse("news:article", kwargs={"pk": self.pk, "slug": slug})
        return urls[language, slug]

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        if not article.get_deferred_fields():
            article._saved_texts = article.texts()
        return article

    def get_preview_url(self, language=None):
        """Return the staff preview of the ``language`` version, whatever the status."""
        with override(language or current_language()):
            return reverse("news:preview", kwargs={"pk": self.pk})

    def clean(self):
        if not any(localized(self, "title", language) for language in LANGUAGE_CODES):
            raise ValidationError(_("Give the release a title in at least one language."))
        if self.status == self.Status.PUBLISHED and not self.is_complete_in(self.original_language):
            raise ValidationError(
                _(
                    "Before it is published, the original (%(language)s) version needs a title, "
                    "a summary and a body."
                )
                % {"language": self.original_language.upper()}
            )

    def prepare_to_save(self):
        """Work out what every save stores besides the editor's input; see also create_many."""
        self.normalize()
        self.source_digest = self.digest_of(self.original_language)
        for name, value in self.availability().items():
            setattr(self, name, value)

    def normalize(self):
        """Tidy every language version: trimmed text, slugs from titles, safe bodies."""
        for language in LANGUAGE_CODES:
            title = localized(self, "title", language).strip()
            slug_source = localized(self, "slug", language) or title
            setattr(self, build_localized_fieldname("title", language), title)
            setattr(self, build_localized_fieldname("slug", language), make_slug(slug_source))
            setattr(
                self,
                build_localized_fieldname("summary", language),
                localized(self, "summary", language).strip(),
            )
            setattr(
                self,
                build_localized_fieldname("body", language),
                sanitize_html(localized(self, "body", language)),
            )

    def texts(self):
        """Return {language: (title, summary, body)}: what translations are made of."""
        return {
            language: tuple(localized(self, field, language) for field in SOURCE_FIELDS)
            for language in LANGUAGE_CODES
        }

    def retranslated_languages(self):
        """Return the translated languages whose texts this save changes."""
        saved_texts = getattr(self, "_saved_texts", None)
        if saved_texts is None:
            # New, or loaded without its texts: compare with what the database holds.
            saved = Article.objects.filter(pk=self.pk).first() if self.pk else None
            saved_texts = saved.texts() if saved else {}
        current_texts = self.texts()
        return [
            language
            for language in LANGUAGE_CODES
            if language != self.original_language
            and current_texts[language] != saved_texts.get(language)
            and any(current_texts[language])
        ]

    def digest_of(self, language):
        """Return a fingerprint of the ``language`` version's title, summary and body."""
        payload = json.dumps(self.texts()[language], ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()

    def record_translation_source(self, language):
        """Note that the ``language`` version now matches the original as it stands."""
        Translation.objects.update_or_create(
            article=self, language=language, defaults=self.translation_source()
        )

    def translation_source(self):
        """Return the Translation fields that say what the original is now."""
        title, summary, body = self.texts()[self.original_language]
        return {
            "source_title": title,
            "source_summary": summary,
            "source_body": body,
            "source_digest": self.source_digest,
        }

    def translation_for(self, language):
        """Return the Translation record of ``language`` (prefetch-friendly), or None."""
        return next((t for t in self.translations.all() if t.language == language), None)

    def translation_state(self, language):
        """Return the TranslationState of the ``language`` version."""
        if language == self.original_language:
            return TranslationState.ORIGINAL
        if not self.is_complete_in(language):
            return TranslationState.MISSING
        translation = self.translation_for(language)
        if translation and translation.source_digest != self.source_digest:
            return TranslationState.OUTDATED
        if translation and not translation.ready:
            return TranslationState.HELD_BACK
        return TranslationState.CURRENT

    def is_complete_in(self, language):
        """Say whether the ``language`` version has everything it needs to be published."""
        return all(localized(self, field, language) for field in REQUIRED_FOR_PUBLICATION)

    def is_on_record(self, now=None):
        """Mirror ``ArticleQuerySet.on_record`` for one release already in memory."""
        return (
            self.status in self.ON_RECORD
            and self.deleted_at is None
            and self.published_at <= (now or timezone.now())
        )

    def is_available_in(self, language):
        """Mirror ``ArticleQuerySet.available_in`` for one release already in memory."""
        return getattr(self, availability_field(language))

    def held_back_languages(self):
        """Return the languages whose translators hold their version back."""
        if self.pk is None:
            return set()
        held_back = Translation.objects.filter(article_id=self.pk, ready=False)
        return set(held_back.values_list("language", flat=True))

    def availability(self):
        """Return {column: value}: which versions may be shown, by their texts, translators
        and the alt texts of their photographs."""
        held_back = self.held_back_languages()
        lacking_alt_text = images_lacking_alt_text(self)
        return {
            availability_field(language): self.is_complete_in(language)
            and language not in held_back
            and not lacking_alt_text[language]
            for language in LANGUAGE_CODES
        }

    def refresh_availability(self):
        """Bring the availability columns in step after a translator's switch, or the
        photographs, have changed."""
        values = self.availability()
        if all(getattr(self, name) == value for name, value in values.items()):
            return
        Article.objects.filter(pk=self.pk).update(**values)
        for name, value in values.items():
            setattr(self, name, value)

    def refresh_photographs(self):
        """Bring what is derived from the release's photographs in step after they changed."""
        lead = self.images.filter(place="lead").values_list("image_id", flat=True).first()
        if lead != self.lead_image_id:
            Article.objects.filter(pk=self.pk).update(lead_image_id=lead)
            self.lead_image_id = lead
        self.refresh_availability()

    def set_translation_ready(self, language, ready):
        """Let the ``language`` version go to visitors, or hold it back while it is worked on."""
        Translation.objects.update_or_create(
            article=self, language=language, defaults={"ready": ready}
        )

    def is_visible(self, language, now=None):
        """Mirror ``ArticleQuerySet.visible`` for one release already in memory."""
        return (
            self.status == self.Status.PUBLISHED
            and self.is_on_record(now)
            and self.is_available_in(language)
        )

    def languages_original_first(self):
        return [self.original_language, *(c for c in LANGUAGE_CODES if c != self.original_language)]

    def public_languages(self, now=None):
        """Return the languages visitors may read this release in, original first."""
        if not self.is_on_record(now):
            return []
        ordered = self.languages_original_first()
        return [language for language in ordered if self.is_available_in(language)]

    def version(self, language):
        """Return the ``language`` version's fields, for templates."""
        return ArticleVersion(
            language=language,
            title=localized(self, "title", language),
            summary=localized(self, "summary", language),
            body=localized(self, "body", language),
            withdrawal_reason=localized(self, "withdrawal_reason", language),
        )

    def read_page_relations(self):
        """Read the photographs and change notes its page shows, unless read already."""
        prefetch_related_objects([self], "change_notes", photograph_uses())

    def last_public_change(self):
        """Return when visitors were last told of a change: its release, or its latest note."""
        return max([self.published_at, *(note.created_at for note in self.change_notes.all())])

    @property
    def complete_languages(self):
        return [language for language in LANGUAGE_CODES if self.is_complete_in(language)]

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()
