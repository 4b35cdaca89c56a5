"""The release form as a press officer writes it: one fieldset per language, room to write.

Each language's title, slug, summary and body sit together in one fieldset, so writing a
language means one switch (release-languages.js), which opens on the release's original
language. Without JavaScript every language's fieldset is simply shown, one after another.
"""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..languages import LANGUAGE_CODES, translated_name
from ..models import Article
from ..roles import publishes_releases
from .editor import editor_labels

# The texts of a release, in the order an editor writes them, each once per language.
TEXT_FIELDS = ("title", "slug", "summary", "body")
LANGUAGE_FIELDSET_CLASS = "release-language"
DEFAULT = Article._meta.get_field("original_language").default


def language_name(code):
    """Return a language's name in the interface's language ("English", "İngilis dili")."""
    return capfirst(translated_name(code))


def language_fieldsets():
    """Return one fieldset per language holding that language's texts of the release."""
    return [
        (
            language_name(code),
            {
                "fields": [f"{name}_{code}" for name in TEXT_FIELDS],
                "classes": (LANGUAGE_FIELDSET_CLASS, f"{LANGUAGE_FIELDSET_CLASS}--{code}"),
            },
        )
        for code in LANGUAGE_CODES
    ]


class ReleaseFormLayoutMixin:
    """Group the texts by language and fit each input to what is written in it."""

    change_form_template = "admin/news/article/change_form.html"

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            fieldset
            for fieldset in super().get_fieldsets(request, obj)
            if not set(fieldset[1]["fields"]) & {f"title_{code}" for code in LANGUAGE_CODES}
        ]
        reviewing = obj is not None and obj.status == Article.Status.SUBMITTED
        if not (obj is not None and obj.review_remark) and not (
            reviewing and publishes_releases(request.user)
        ):
            # The remark box is for a publisher reviewing a release, and for the remark made.
            fieldsets = [f for f in fieldsets if "review_remark" not in f[1]["fields"]]
        return [*language_fieldsets(), *fieldsets]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        language = getattr(db_field, "language", None)
        base_name = db_field.name.removesuffix(f"_{language}") if language else db_field.name
        if language and base_name in TEXT_FIELDS:
            # The fieldset's heading names the language; the label needs only the field.
            field.label = capfirst(Article._meta.get_field(base_name).verbose_name)
            field.widget.attrs["lang"] = language
            if base_name in ("title", "slug"):
                # A 120-character headline fits without scrolling inside the input.
                field.widget.attrs["class"] = "vTextField release-wide"
            if base_name == "summary":
                # One or two sentences: the box fits them, and the body comes into view.
                field.widget.attrs["rows"] = 4
        if db_field.name == "published_at":
            date, time = field.widget.widgets
            # Django writes "Date:" and "Time:" beside them, but not as their labels.
            date.attrs["aria-label"] = _("Date")
            time.attrs["aria-label"] = _("Time")
        if db_field.name == "category":
            # The sections are fixed: nothing to add, change, delete or look at from here.
            for ability in ("add", "change", "delete", "view"):
                setattr(field.widget, f"can_{ability}_related", False)
        return field

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if "original_language" in form.fields:
            original = form["original_language"].value()
        else:
            original = obj.original_language if obj else None
        context.update(
            release_original_language=original if original in LANGUAGE_CODES else DEFAULT,
            release_languages=[(code, language_name(code)) for code in LANGUAGE_CODES],
            editor_labels=editor_labels(),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @property
    def media(self):
        return super().media + forms.Media(
            js=["news/admin/release-languages.js"],
            css={"all": ["news/admin/release-form.css"]},
        )
