"""The press release admin: the form, who may change what, and what each save records."""

import re

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Min, Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator
from reversion.admin import VersionAdmin

from migration_portal.admin.csp import NonceMediaMixin

from ..forms import ArticleAdminForm
from ..languages import LANGUAGE_CODES
from ..models import Article, ArticleEvent, ChangeNote, Translation
from ..presence import note_opened
from ..roles import publishes_releases, translation_languages, writes_releases
from ..workflow import actions_for, record, statuses_for
from .history import HistoryMixin, precise_time
from .images import MissingAltTextFilter
from .layout import ReleaseFormLayoutMixin
from .release_images import ReleaseImagesMixin
from .revisions import RevisionMixin
from .search import ReleaseSearchMixin
from .slugs import SlugFromTitleMixin
from .translations import MissingLanguageFilter, TranslationMixin
from .trash import TrashFilter, TrashMixin

# Every field of a release an editor can change in the form, each language separately.
EDITABLE_FIELD_NAMES = [
    field.name
    for field in Article._meta.concrete_fields
    if field.editable
    and not field.primary_key
    and field.name not in translator.get_options_for_model(Article).all_fields
]
SPLIT_WIDGET_SUFFIX = re.compile(r"_[01]$")


class ReleaseYearFilter(admin.SimpleListFilter):
    """Releases of one year, Baku time; the years offered span the archive."""

    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        # Two index look-ups, where a list of the years that have releases would scan them all.
        span = Article.objects.not_in_trash().aggregate(
            first=Min("published_at"), last=Max("published_at")
        )
        if span["first"] is None:
            return []
        first, last = (timezone.localtime(span[end]).year for end in ("first", "last"))
        return [(str(year), str(year)) for year in range(last, first - 1, -1)]

    def queryset(self, request, queryset):
        # Only a year the filter offers; anything else a hand-made URL carries is ignored.
        if self.value() in dict(self.lookup_choices):
            return queryset.filter(published_at__year=int(self.value()))
        return queryset


@admin.register(Article)
class ArticleAdmin(
    NonceMediaMixin,
    ReleaseFormLayoutMixin,
    RevisionMixin,
    ReleaseImagesMixin,
    ReleaseSearchMixin,
    HistoryMixin,
    TranslationMixin,
    TrashMixin,
    SlugFromTitleMixin,
    VersionAdmin,
    TranslationAdmin,
):
    form = ArticleAdminForm
    change_list_template = None
    delete_confirmation_template = "admin/news/article/delete_confirmation.html"
    list_display = ("headline", "published_at", "category", "status_label", "languages")
    list_display_links = ("headline",)
    list_filter = (
        TrashFilter,
        "status",
        "category",
        ReleaseYearFilter,
        "original_language",
        MissingLanguageFilter,
        MissingAltTextFilter,
    )
    list_select_related = ("category",)
    # Counting the whole archive again on every page says nothing the filtered count does not.
    show_full_result_count = False
    # The texts are grouped by language by ReleaseFormLayoutMixin.get_fieldsets.
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (
            _("Publication"),
            {"fields": ("category", "status", "published_at", "original_language")},
        ),
        (_("Review"), {"fields": ("review_remark",)}),
        (_("Withdrawal"), {"fields": ("withdrawal_reason",), "classes": ("collapse",)}),
        (_("Old website"), {"fields": ("legacy_id",), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        # The list's language column needs each translation's state, not its texts.
        states = Translation.objects.only("article_id", "language", "ready", "source_digest")
        return super().get_queryset(request).prefetch_related(Prefetch("translations", states))

    # What each editor may touch

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None:
            return True
        if obj.deleted_at is not None:
            return False
        # Authors hand a release over once it is public; publishers and translators carry on.
        is_author_only = writes_releases(request.user) and not publishes_releases(request.user)
        return not (is_author_only and obj.status in Article.ON_RECORD)

    def get_form(self, request, obj=None, **kwargs):
        attributes = {
            **self.translation_controls(request, obj),
            "editor": request.user,
            "revision": getattr(request, "restoring_revision", None),
        }
        kwargs["form"] = type("ArticleAdminForm", (self.form,), attributes)
        form = super().get_form(request, obj, **kwargs)
        if "status" in form.base_fields:
            allowed = statuses_for(request.user, obj.status if obj else None)
            form.base_fields["status"].choices = [
                (value, label) for value, label in Article.Status.choices if value in allowed
            ]
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None:
            return fieldsets
        if obj.status == Article.Status.PUBLISHED and publishes_releases(request.user):
            # Right after the texts: what visitors are told of this change of them.
            texts = len(LANGUAGE_CODES)
            fieldsets.insert(texts, (_("This change"), {"fields": ["change_kind", "change_note"]}))
        controls = list(self.translation_controls(request, obj))
        fieldsets.append((_("Translations"), {"fields": [*controls, "translation_overview"]}))
        editing = ["loaded_version"]
        if request.method == "POST" and request.POST.get("loaded_version") != str(obj.lock_version):
            editing.append("overwrite")
        fieldsets.append((_("History"), {"fields": [*editing, "event_log"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = ["translation_overview", "event_log", "alt_text_overview"]
        if not publishes_releases(request.user):
            readonly.append("review_remark")
            readonly += [f"withdrawal_reason_{code}" for code in LANGUAGE_CODES]
        if writes_releases(request.user):
            return readonly
        languages = translation_languages(request.user)
        return readonly + [
            name
            for name in EDITABLE_FIELD_NAMES
            if getattr(Article._meta.get_field(name), "language", None) not in languages
            and name not in readonly
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id:
            obj = self.get_object(request, unquote(object_id))
            if request.method == "POST":
                self.refuse_fields_not_theirs(request, obj)
            elif obj is not None:
                self.warn_of_other_editors(request, obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def refuse_fields_not_theirs(self, request, obj):
        """Refuse a request carrying fields the editor may not change, whatever the form showed."""
        if obj is None:
            return
        readonly = set(self.get_readonly_fields(request, obj))
        if not publishes_releases(request.user):
            readonly.update(ArticleAdminForm.CHANGE_NOTE_FIELDS)
        for key in request.POST:
            # Date and time arrive as two inputs, published_at_0 and published_at_1.
            name = SPLIT_WIDGET_SUFFIX.sub("", key) if key not in EDITABLE_FIELD_NAMES else key
            if name in readonly:
                raise PermissionDenied(
                    _("You may not change “%(field)s” of this release.") % {"field": name}
                )

    def warn_of_other_editors(self, request, obj):
        for name, opened in note_opened(obj.pk, request.user):
            messages.warning(
                request,
                _("%(name)s opened this release at %(time)s and may be editing it.")
                % {"name": name, "time": timezone.localtime(opened).strftime("%H:%M")},
            )

    # Saving

    def save_model(self, request, obj, form, change):
        previous = form.previous_status
        now = timezone.now()
        if not change:
            obj.author = request.user
        obj.last_edited_by = request.user
        if obj.status == Article.Status.WITHDRAWN and previous != Article.Status.WITHDRAWN:
            obj.withdrawn_at = now
        elif obj.status != Article.Status.WITHDRAWN:
            obj.withdrawn_at = None
        if obj.status == Article.Status.PUBLISHED:
            obj.review_remark = ""
        super().save_model(request, obj, form, change)
        self.save_translation_controls(obj, form)
        actions = actions_for(
            previous,
            obj.status,
            obj.published_at,
            is_new=not change,
            by_publisher=publishes_releases(request.user),
            now=now,
        )
        if getattr(request, "restoring_revision", None):
            # A status the revision brings back is logged as the move it is.
            moves = [action for action in actions if action != ArticleEvent.Action.EDITED]
            actions = [ArticleEvent.Action.REVISION_RESTORED, *moves]
        remark = ""
        if note := form.change_note_to_publish():
            remark = note
            ChangeNote.objects.create(
                article=obj, note=remark, language=obj.original_language, created_by=request.user
            )
        elif ArticleEvent.Action.REJECTED in actions:
            remark = obj.review_remark
        elif ArticleEvent.Action.WITHDRAWN in actions:
            remark = obj.version(obj.original_language).withdrawal_reason
        record(obj, actions, request.user, remark)

    # Change list and change page

    @admin.display(description=_("title"))
    def headline(self, article):
        # The title in the editor's language, else in any language the release has.
        return str(article)

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, article):
        if article.deleted_at is not None:
            return _("In the trash")
        if article.is_scheduled:
            return _("Scheduled for %(time)s") % {
                "time": date_format(timezone.localtime(article.published_at), "DATETIME_FORMAT")
            }
        return article.get_status_display()

    @admin.display(description=_("what happened"))
    def event_log(self, article):
        events = article.events.select_related("actor")
        if not events:
            return _("Nothing yet.")
        return format_html(
            '<ul class="event-log">{}</ul>',
            format_html_join(
                "",
                "<li><time>{}</time> — {} — {}{}</li>",
                (
                    (
                        precise_time(event.created_at),
                        event.get_action_display(),
                        (event.actor.get_full_name() or event.actor.get_username())
                        if event.actor
                        else "—",
                        format_html(": {}", event.remark) if event.remark else "",
                    )
                    for event in events
                ),
            ),
        )
