"""Restoring a revision, and what becomes of django-reversion's pages for deleted objects.

django-reversion's own revision view writes the revision into the database and then shows
the change form of what it wrote, so every field the editor could not change came back with
it. Here nothing is written until the editor saves, and the form takes the revision's values
only for the fields this editor may change: restoring is an ordinary save by that editor,
checked, counted and logged like any other.

Our trash keeps a release in the database with its history, so reversion's pages for
recovering deleted objects have nothing to do: they send the editor to the trash or to the
release's history, where the newsroom's rules apply, and never write anything themselves.
"""

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from reversion.models import Version

from .history import precise_time


class RevisionMixin:
    """Restore revisions through the change form; close reversion's recover pages."""

    revision_form_template = "admin/news/article/revision_form.html"

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        version = get_object_or_404(Version.objects.get_for_object(article), pk=version_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        saved_on = precise_time(version.revision.date_created)
        # ArticleAdmin.get_form fills the form from it; save_model logs the restore.
        request.restoring_revision = version
        context = {
            "title": _("Restore the revision saved on %(date)s") % {"date": saved_on},
            "revert": True,
            **(extra_context or {}),
        }
        # The new revision's comment names the one restored (HistoryMixin.revision_comment).
        with self.create_revision(request):
            response = self.changeform_view(request, quote(str(article.pk)), request.path, context)
        if response.status_code == 200:
            response.template_name = self.revision_form_template
        return response

    def recoverlist_view(self, request, extra_context=None):
        """Send the editor to the trash, where releases are recovered."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return redirect(self.trash_url())

    def recover_view(self, request, version_id, extra_context=None):
        """Send the editor to the trash or to the revision; a release purged stays purged."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_model(self.model), pk=version_id)
        article = self.model.objects.filter(pk=version.object_id).first()
        if article is None:
            raise Http404
        if article.deleted_at is not None:
            return redirect(self.trash_url())
        return redirect(
            reverse("admin:news_article_revision", args=[quote(str(article.pk)), version.pk])
        )

    def trash_url(self):
        return reverse("admin:news_article_changelist") + "?trash=yes"
