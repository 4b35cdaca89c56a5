"""What happened to a release: change notes for visitors, events for the newsroom."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..limits import CHANGE_NOTE_MAX_LENGTH, validate_characters
from .localized import at_most


class ChangeNote(models.Model):
    """A major change to a published release, told to its visitors."""

    article = models.ForeignKey(
        "news.Article",
        on_delete=models.CASCADE,
        related_name="change_notes",
        verbose_name=_("release"),
    )
    note = models.TextField(
        _("change note"),
        max_length=CHANGE_NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(CHANGE_NOTE_MAX_LENGTH), validate_characters],
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("updated on"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")
        constraints = [
            models.CheckConstraint(
                condition=at_most("note", CHANGE_NOTE_MAX_LENGTH), name="changenote_note_length"
            ),
        ]

    def __str__(self):
        return self.note


class ArticleEvent(models.Model):
    """One step in a release's life: who did what, and when."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        EDITED = "edited", _("edited")
        SUBMITTED = "submitted", _("submitted for review")
        REJECTED = "rejected", _("sent back to its author")
        PUBLISHED = "published", _("published")
        SCHEDULED = "scheduled", _("scheduled")
        UNPUBLISHED = "unpublished", _("taken back to draft")
        WITHDRAWN = "withdrawn", _("withdrawn")
        RESTORED = "restored", _("restored after withdrawal")
        REVISION_RESTORED = "revision_restored", _("earlier revision restored")
        TRASHED = "trashed", _("moved to the trash")
        RECOVERED = "recovered", _("recovered from the trash")

    article = models.ForeignKey(
        "news.Article", on_delete=models.CASCADE, related_name="events", verbose_name=_("release")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    remark = models.TextField(_("remark"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"
