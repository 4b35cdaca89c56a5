from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..languages import LANGUAGE_CODES


class TranslationState(models.TextChoices):
    """Where one language version of a release stands, as editors and translators see it."""

    ORIGINAL = "original", _("original")
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated: the original has changed")
    HELD_BACK = "held back", _("held back by the translator")
    CURRENT = "current", _("up to date")


class Translation(models.Model):
    """Where one translated version of a release stands against its original."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("release"),
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    ready = models.BooleanField(
        _("ready for visitors"),
        default=True,
        help_text=_(
            "Untick while the translation is still in progress: visitors do not see this "
            "language version until it is ticked again."
        ),
    )
    source_title = models.CharField(_("original title"), max_length=255, blank=True)
    source_summary = models.TextField(_("original summary"), blank=True)
    source_body = models.TextField(_("original body"), blank=True)
    source_digest = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        indexes = [
            # The few versions translators hold back, looked up for every "missing" filter.
            models.Index(
                fields=["article", "language"],
                condition=Q(ready=False),
                name="translation_held_back",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="translation_one_per_language"
            ),
            models.CheckConstraint(
                condition=Q(language__in=LANGUAGE_CODES), name="translation_language_known"
            ),
        ]

    def __str__(self):
        return f"{self.article} [{self.language}]"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Whether the release is shown in this language depends on this switch.
        article = self.article
        shown = self.ready and article.is_complete_in(self.language)
        if article.is_available_in(self.language) != shown:
            article.refresh_availability()
