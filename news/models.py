from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from .html import sanitize_html
from .languages import LANGUAGE_CODES, current_language
from .text import SLUG_MAX_LENGTH, make_slug

# What a language version needs before visitors may read it in that language.
REQUIRED_FOR_PUBLICATION = ("title", "body")

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
    }
}


def localized(obj, field, language):
    """Return the value of a translated field in ``language``; "" when it is empty."""
    return getattr(obj, build_localized_fieldname(field, language)) or ""


def filled(field, language):
    """Return a condition: the translated ``field`` holds text in ``language``.

    Translation columns are nullable, so both NULL and "" mean "missing"; ``> ''`` is false
    for both.
    """
    return Q(**{f"{build_localized_fieldname(field, language)}__gt": ""})


class Category(models.Model):
    key = models.SlugField(
        _("key"),
        max_length=40,
        unique=True,
        help_text=_("Stable name used by imports and exports, such as “news”. Never shown."),
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("URL slug"),
        max_length=100,
        help_text=_(
            "Part of the category's address in this language, e.g. /en/news/category/news/."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Categories are listed by this number, lowest first.")
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name or self.key

    def get_absolute_url(self, language=None):
        language = language or current_language()
        with override(language):
            return reverse("news:category", kwargs={"slug": localized(self, "slug", language)})


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """Return the releases that are published and whose release time has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def complete_in(self, language):
        """Return the releases whose ``language`` version has everything it needs."""
        return self.filter(*(filled(field, language) for field in REQUIRED_FOR_PUBLICATION))

    def visible(self, language, now=None):
        """Return the releases visitors may see in ``language``: the one public gate."""
        return self.published(now).complete_in(language)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

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
        help_text=_(
            "Shown on the release. Visitors see a published release from this date and time "
            "(Baku time) on; a later time schedules it."
        ),
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    slug = models.SlugField(
        _("URL slug"),
        max_length=SLUG_MAX_LENGTH,
        blank=True,
        help_text=_("Made from the title when left empty; Latin letters, digits and hyphens."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("The lead: one or two plain sentences shown in lists and search results."),
    )
    body = ProseEditorField(_("body"), blank=True, config=BODY_EDITOR, sanitize=sanitize_html)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="articles",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        indexes = [
            # The public lists: published releases, newest first, optionally by category.
            models.Index(fields=["status", "-published_at", "-id"], name="article_public_list"),
            models.Index(
                fields=["category", "status", "-published_at", "-id"],
                name="article_public_category",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]), name="article_status_known"
            ),
        ]

    def __str__(self):
        for language in (current_language(), *LANGUAGE_CODES):
            if title := localized(self, "title", language):
                return title
        return f"#{self.pk}"

    def save(self, *args, **kwargs):
        self.normalize()
        super().save(*args, **kwargs)

    def get_absolute_url(self, language=None):
        language = language or current_language()
        with override(language):
            if slug := localized(self, "slug", language):
                return reverse("news:article", kwargs={"pk": self.pk, "slug": slug})
            return reverse("news:article_short", kwargs={"pk": self.pk})

    def clean(self):
        if not any(localized(self, "title", language) for language in LANGUAGE_CODES):
            raise ValidationError(_("Give the release a title in at least one language."))
        if self.status == self.Status.PUBLISHED and not self.complete_languages:
            raise ValidationError(
                _("A published release needs a title and a body in at least one language.")
            )

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

    def is_complete_in(self, language):
        """Say whether the ``language`` version has everything it needs to be published."""
        return all(localized(self, field, language) for field in REQUIRED_FOR_PUBLICATION)

    def is_visible(self, language, now=None):
        """Mirror ``ArticleQuerySet.visible`` for one release already in memory."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at <= (now or timezone.now())
            and self.is_complete_in(language)
        )

    @property
    def complete_languages(self):
        return [language for language in LANGUAGE_CODES if self.is_complete_in(language)]

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()
