"""The trash: deleting a release hides it and keeps its history; purging is a separate act."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.models import Version

from ..models import Article, ArticleEvent
from ..roles import publishes_releases
from ..workflow import record


class TrashFilter(admin.SimpleListFilter):
    title = _("trash")
    parameter_name = "trash"

    def lookups(self, request, model_admin):
        return [("yes", _("In the trash"))]

    def queryset(self, request, queryset):
        # Without the filter the trash stays out of sight.
        return queryset.in_trash() if self.value() == "yes" else queryset.not_in_trash()


class TrashMixin:
    """Replace the admin's delete with moving to the trash, recovering and purging."""

    actions = ["move_to_trash", "recover_from_trash", "purge"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        # "Delete" would destroy; moving to the trash is the newsroom's delete.
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status in Article.ON_RECORD:
            return publishes_releases(request.user) and super().has_delete_permission(request, obj)
        return super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return publishes_releases(request.user)

    def delete_model(self, request, obj):
        self.move_to_trash(request, Article.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        self.move_to_trash(request, queryset)

    @admin.action(description=_("Move selected releases to the trash"), permissions=["delete"])
    def move_to_trash(self, request, queryset):
        articles = list(queryset.not_in_trash())
        if any(not self.has_delete_permission(request, article) for article in articles):
            raise PermissionDenied
        Article.objects.filter(pk__in=[a.pk for a in articles]).set_trashed(True, request.user)
        for article in articles:
            record(article, [ArticleEvent.Action.TRASHED], request.user)

    # Recovering brings a release back to visitors, which is a publisher's act.
    @admin.action(
        description=_("Recover selected releases from the trash"), permissions=["publish"]
    )
    def recover_from_trash(self, request, queryset):
        articles = list(queryset.in_trash())
        Article.objects.filter(pk__in=[a.pk for a in articles]).set_trashed(False, request.user)
        for article in articles:
            record(article, [ArticleEvent.Action.RECOVERED], request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d release recovered from the trash.",
                "%(count)d releases recovered from the trash.",
                len(articles),
            )
            % {"count": len(articles)},
        )

    @admin.action(
        description=_("Delete selected releases from the trash for good"),
        permissions=["delete", "publish"],
    )
    def purge(self, request, queryset):
        articles = list(queryset.in_trash())
        for article in articles:
            Version.objects.get_for_object(article).delete()
            article.delete()
        self.message_user(
            request,
            ngettext(
                "%(count)d release deleted for good.",
                "%(count)d releases deleted for good.",
                len(articles),
            )
            % {"count": len(articles)},
        )
