"""A release's history in the admin: revisions listed and compared word by word."""

import reversion
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format, time_format
from django.utils.text import capfirst
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from ..diff import plain_text, word_diff
from ..languages import LANGUAGE_CODES
from ..models import Article
from ..revisions import Event, read_revision_comment, revision_comment
from .layout import language_name

# Fields every save changes; comparing revisions on them says nothing to an editor.
REVISION_BOOKKEEPING = {"id", "lock_version", "source_digest", "created_at", "updated_at"}
SHOWN_IN_DIFF = {"withdrawn_at"}
EMPTY = (None, "")
# The release's own fields; the form's others (loaded_version, change_kind…) are not changes.
RELEASE_FIELDS = {field.name for field in Article._meta.concrete_fields}
# A change to the lead photograph or the gallery, named in a revision's comment.
PHOTOGRAPHS = "photographs"

EVENT_NAMES = {
    Event.CREATED: _("Written"),
    Event.EDITED: _("Edited"),
    Event.MINOR: _("Minor edit"),
    Event.MAJOR: _("Major edit with note"),
    Event.RESTORED: _("Restored a revision"),
    Event.IMPORTED: _("Imported"),
}
# Comments kept as sentences before they were kept as data, in whichever language they were
# written in, and the events they name.
SENTENCES_OF_OLD = {_("Imported from a file."): Event.IMPORTED}


def precise_time(moment):
    """Return a date and time to the second, Baku time: two saves a minute apart differ."""
    moment = timezone.localtime(moment)
    return f"{date_format(moment, 'DATE_FORMAT')}, {time_format(moment, 'H:i:s')}"


def field_label(name):
    """Return how an editor knows a field: "Title (English)", "Category", "Photographs"."""
    if name == PHOTOGRAPHS:
        return gettext("Photographs")
    try:
        field = Article._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    language = getattr(field, "language", None)
    if language is None:
        return str(capfirst(field.verbose_name))
    return gettext("%(field)s (%(language)s)") % {
        "field": str(capfirst(field.translated_field.verbose_name)),
        "language": language_name(language),
    }


def describe_revision(comment):
    """Return a revision's comment in the reader's language, naming fields as the form does."""
    data = read_revision_comment(comment)
    if data is None:
        return EVENT_NAMES.get(event_of_old(comment), comment)
    event = EVENT_NAMES.get(data["event"], data["event"])
    if data["event"] == Event.RESTORED and (saved_on := parse_datetime(data.get("saved_on", ""))):
        event = gettext("Restored the revision saved on %(date)s") % {
            "date": precise_time(saved_on)
        }
    parts = [str(event)]
    if fields := data.get("fields"):
        labels = ", ".join(field_label(name) for name in fields)
        parts.append(gettext("Changed: %(fields)s") % {"fields": labels})
    described = ". ".join(parts) + "."
    # The note visitors were shown, as written: it brings its own full stop.
    return f"{described} “{data['note']}”" if data.get("note") else described


def event_of_old(comment):
    for sentence, event in SENTENCES_OF_OLD.items():
        for code in LANGUAGE_CODES:
            with override(code):
                if comment == str(sentence):
                    return event
    return None


class HistoryMixin:
    """History with revisions and events, and a comparison of two revisions."""

    object_history_template = "admin/news/article/object_history.html"
    history_latest_first = True

    def get_urls(self):
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="news_article_compare",
            ),
            *super().get_urls(),
        ]

    # What each save says of itself in the history (see describe_revision).

    def construct_change_message(self, request, form, formsets, add=False):
        request.revision_comment = self.revision_comment(request, form, formsets, add)
        return super().construct_change_message(request, form, formsets, add)

    def revision_comment(self, request, form, formsets, add):
        fields = [name for name in form.changed_data if name in RELEASE_FIELDS]
        if any(formset.has_changed() for formset in formsets):
            fields.append(PHOTOGRAPHS)
        details = {}
        if add:
            event = Event.CREATED
        elif restoring := getattr(request, "restoring_revision", None):
            event = Event.RESTORED
            details["saved_on"] = restoring.revision.date_created.isoformat()
        elif form.takes_change_note and form.edits_published_release:
            details["note"] = form.change_note_to_publish()
            event = Event.MAJOR if details["note"] else Event.MINOR
        else:
            event = Event.EDITED
        return revision_comment(event, fields, **details)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self.keep_revision_comment(request)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self.keep_revision_comment(request)
        return entry

    def keep_revision_comment(self, request):
        # In place of reversion's, which names the form's fields in the saver's language.
        if reversion.is_active() and hasattr(request, "revision_comment"):
            reversion.set_comment(request.revision_comment)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        versions = (
            list(Version.objects.get_for_object(obj).select_related("revision__user"))
            if obj is not None
            else []
        )
        for version in versions:
            version.description = describe_revision(version.revision.comment)
            version.saved_at = precise_time(version.revision.date_created)
        extra_context = {
            **(extra_context or {}),
            "versions": versions,
            # Only those who may change the release are offered to restore one of its revisions.
            "may_restore": obj is not None and self.has_change_permission(request, obj),
        }
        return super().history_view(request, object_id, extra_context)

    def compare_view(self, request, object_id):
        """Show what changed between two revisions, or since the one an editor started from."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404
        versions = list(Version.objects.get_for_object(obj))  # newest first
        if not versions:
            raise Http404
        by_id = {str(version.pk): version for version in versions}
        if "since" in request.GET:
            older = next(
                (
                    v
                    for v in versions
                    if str(v.field_dict.get("lock_version")) == request.GET["since"]
                ),
                None,
            )
            newer = versions[0]
        else:
            older, newer = by_id.get(request.GET.get("a")), by_id.get(request.GET.get("b"))
        if older is None or newer is None:
            raise Http404
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request),
            "title": _("Changes to “%(release)s”") % {"release": obj},
            "older_saved_at": precise_time(older.revision.date_created),
            "newer_saved_at": precise_time(newer.revision.date_created),
            "opts": self.opts,
            "original": obj,
            "older": older,
            "newer": newer,
            "differences": revision_differences(older.field_dict, newer.field_dict),
        }
        return TemplateResponse(request, "admin/news/article/compare.html", context)


def revision_differences(older, newer):
    """Return [(label, field name, diff HTML)] for the fields two revisions disagree on."""
    differences = []
    for field in Article._meta.concrete_fields:
        if field.name in REVISION_BOOKKEEPING or not (
            field.editable or field.name in SHOWN_IN_DIFF
        ):
            continue
        old, new = older.get(field.attname), newer.get(field.attname)
        # An import keeps an empty text as None, the form as "": both are nothing to show.
        if old == new or (old in EMPTY and new in EMPTY):
            continue
        if field.choices:
            labels = dict(field.flatchoices)
            old, new = labels.get(old, old), labels.get(new, new)
        elif field.is_relation:
            names = {
                obj.pk: str(obj) for obj in field.related_model.objects.filter(pk__in=[old, new])
            }
            old, new = names.get(old, "—"), names.get(new, "—")
        elif field.name.startswith("body"):
            old, new = plain_text(old), plain_text(new)
        diff = word_diff(str(old or ""), str(new or ""))
        differences.append((field_label(field.name), field.name, diff))
    return differences
