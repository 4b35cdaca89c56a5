"""A release's history in the admin: revisions listed and compared word by word."""

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from ..diff import plain_text, word_diff
from ..models import Article

# Fields every save changes; comparing revisions on them says nothing to an editor.
REVISION_BOOKKEEPING = {"id", "lock_version", "source_digest", "created_at", "updated_at"}
SHOWN_IN_DIFF = {"withdrawn_at"}


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

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        versions = (
            Version.objects.get_for_object(obj).select_related("revision__user")
            if obj is not None
            else []
        )
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
        if old == new:
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
        differences.append((field.verbose_name, field.name, diff))
    return differences
