"""The press release form of the admin, with the newsroom's rules checked on the server."""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .limits import CHANGE_NOTE_MAX_LENGTH, validate_characters
from .models import Article
from .roles import publishes_releases
from .workflow import check_move

Status = Article.Status


class ChangeKind(models.TextChoices):
    MINOR = "minor", _("Minor change: a typo or wording; visitors are not told")
    MAJOR = "major", _("Major change: visitors see “Updated” with the note below")


class ArticleAdminForm(forms.ModelForm):
    """Checks every status move, remark, reason, change note and concurrent edit.

    ``editor``, and ``revision`` when one is being restored, are set on the class that
    ArticleAdmin.get_form builds for each request.
    """

    editor = None
    revision = None
    # Offered to publishers editing a published release only; see takes_change_note.
    CHANGE_NOTE_FIELDS = ("change_kind", "change_note")

    # The release's edit counter when this form was loaded; see Article.lock_version.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    overwrite = forms.BooleanField(
        required=False,
        label=_("Save my version over the other changes"),
        help_text=_("Only after you have looked at what the other person changed."),
    )
    change_kind = forms.ChoiceField(
        required=False,
        widget=forms.RadioSelect,
        choices=ChangeKind.choices,
        label=_("Kind of change"),
    )
    change_note = forms.CharField(
        required=False,
        max_length=CHANGE_NOTE_MAX_LENGTH,
        validators=[validate_characters],
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Change note"),
        help_text=_("What changed, for visitors, in the release's original language."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The instance changes as the form validates; these keep what the release was.
        self.previous_status = self.instance.status if self.instance.pk else None
        if not self.takes_change_note:
            for name in self.CHANGE_NOTE_FIELDS:
                self.fields.pop(name, None)
        if "loaded_version" in self.fields and not self.is_bound:
            self.fields["loaded_version"].initial = self.instance.lock_version
        if self.revision is not None and not self.is_bound:
            self.initial.update(self.revision_values())

    def revision_values(self):
        """Return the revision's values of the fields this editor may change in this form."""
        # Fields the editor may not change are not in the form at all (the admin makes them
        # read-only), so they keep the values the release has now.
        saved = self.revision.field_dict
        values = {}
        for name in self.fields:
            try:
                field = Article._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.attname in saved:
                values[name] = saved[field.attname]
        # A status this editor may not move the release to stays as it is.
        if "status" in values and values["status"] not in dict(self.fields["status"].choices):
            del values["status"]
        return values

    @property
    def takes_change_note(self):
        """Say whether this editor may tell visitors of changes: publishers, once published."""
        return self.previous_status == Status.PUBLISHED and publishes_releases(self.editor)

    @property
    def edits_published_release(self):
        return (
            self.previous_status == Status.PUBLISHED
            and self.cleaned_data.get("status", self.previous_status) == Status.PUBLISHED
        )

    def clean(self):
        cleaned = super().clean()
        # Translators never see the status; only editors who may set it are checked here.
        if "status" in self.fields and "status" in cleaned:
            try:
                check_move(self.editor, self.previous_status, cleaned["status"])
            except ValidationError as error:
                self.add_error("status", error)
                return cleaned
            self.check_rejection(cleaned["status"])
            self.check_withdrawal(cleaned["status"])
            self.check_change_note()
        self.check_concurrent_edit()
        return cleaned

    def check_rejection(self, status):
        sends_back = self.previous_status == Status.SUBMITTED and status == Status.DRAFT
        if (
            sends_back
            and publishes_releases(self.editor)
            and not self.cleaned_data.get("review_remark", "").strip()
        ):
            self.add_error(
                "review_remark", _("Tell the author why the release goes back, and what to change.")
            )

    def check_withdrawal(self, status):
        # Asked on every save of a withdrawn release, so its notice never loses its reason.
        if status != Status.WITHDRAWN:
            return
        original = self.cleaned_data.get("original_language", self.instance.original_language)
        field = build_localized_fieldname("withdrawal_reason", original)
        if field in self.fields and not self.cleaned_data.get(field, "").strip():
            self.add_error(
                field, _("Give visitors the reason for the withdrawal, at least in the original.")
            )

    def check_change_note(self):
        if not (self.takes_change_note and self.edits_published_release):
            return
        kind = self.cleaned_data.get("change_kind")
        if not kind:
            self.add_error("change_kind", _("Say whether this is a minor or a major change."))
        elif (
            kind == ChangeKind.MAJOR
            and "change_note" not in self.errors
            and not self.cleaned_data.get("change_note", "").strip()
        ):
            self.add_error("change_note", _("A major change needs a short note for visitors."))

    def change_note_to_publish(self):
        """Return the note visitors are to see for this save, or "" if they are told nothing."""
        if not (self.takes_change_note and self.edits_published_release):
            return ""
        if self.cleaned_data.get("change_kind") != ChangeKind.MAJOR:
            return ""
        return self.cleaned_data["change_note"].strip()

    def check_concurrent_edit(self):
        """Refuse to save over changes someone else saved since this form was loaded."""
        if not self.instance.pk or "loaded_version" not in self.fields:
            return
        loaded = self.cleaned_data.get("loaded_version")
        current = (
            Article.objects.select_for_update(of=("self",))
            .select_related("last_edited_by")
            .get(pk=self.instance.pk)
        )
        if loaded == current.lock_version or self.cleaned_data.get("overwrite"):
            return
        editor = current.last_edited_by
        compare_url = (
            reverse("admin:news_article_compare", args=[self.instance.pk]) + f"?since={loaded}"
        )
        raise ValidationError(
            format_html(
                gettext(
                    "{name} saved this release at {time} while you were editing it. Nothing "
                    "of yours is lost: your text is still in the form below. "
                    '<a href="{url}" target="_blank">See what they changed</a>, then save '
                    "again with “Save my version over the other changes” ticked, or reload "
                    "the page to start from their version."
                ),
                name=(editor.get_full_name() or editor.get_username())
                if editor
                else gettext("Someone"),
                time=timezone.localtime(current.updated_at).strftime("%H:%M:%S"),
                url=compare_url,
            ),
            code="concurrent_edit",
        )
