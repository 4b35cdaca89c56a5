import json
import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Value
from django.db.models.functions import Greatest
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator
from reversion.admin import VersionAdmin
from reversion.models import Version

from .diff import plain_text, word_diff
from .forms import ArticleAdminForm, ChangeKind
from .languages import LANGUAGE_CODES
from .models import Article, ArticleEvent, Category, ChangeNote, Translation, TranslationState
from .presence import note_opened
from .roles import publishes_releases, translation_languages, writes_releases
from .text import TRANSLITERATION
from .workflow import actions_for, record, statuses_for

# Every field of a release an editor can change in the form, each language separately.
EDITABLE_FIELD_NAMES = [
    field.name
    for field in Article._meta.concrete_fields
    if field.editable
    and not field.primary_key
    and field.name not in translator.get_options_for_model(Article).all_fields
]
SPLIT_WIDGET_SUFFIX = re.compile(r"_[01]$")
# Fields every save changes; comparing revisions on them says nothing to an editor.
REVISION_BOOKKEEPING = {"id", "lock_version", "source_digest", "created_at", "updated_at"}
SHOWN_IN_DIFF = {"withdrawn_at"}

TRANSLATION_STATE_MARKS = {
    TranslationState.ORIGINAL: "●",
    TranslationState.MISSING: "✗",
    TranslationState.OUTDATED: "⟳",
    TranslationState.HELD_BACK: "⏸",
    TranslationState.CURRENT: "✓",
}


class SlugFromTitleMixin:
    """Fill each language's slug from its title as the editor types, as the server would."""

    slug_source_field = "title"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language and db_field.name == f"slug_{language}":
            field.widget.attrs.update(
                {
                    "data-slug-source": f"id_{self.slug_source_field}_{language}",
                    "data-slug-max-length": db_field.max_length,
                    "data-transliteration": json.dumps(TRANSLITERATION, ensure_ascii=False),
                }
            )
        return field

    @property
    def media(self):
        return super().media + forms.Media(js=["news/admin/slug.js"])


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("missing language")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, code.upper()) for code in LANGUAGE_CODES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            complete = Article.objects.complete_in(self.value()).values("pk")
            return queryset.exclude(pk__in=complete)
        return queryset


@admin.register(Category)
class CategoryAdmin(SlugFromTitleMixin, TabbedTranslationAdmin):
    slug_source_field = "name"
    list_display = ("name", "key", "position")
    ordering = ("position",)


class TrashFilter(admin.SimpleListFilter):
    title = _("trash")
    parameter_name = "trash"

    def lookups(self, request, model_admin):
        return [("yes", _("In the trash"))]

    def queryset(self, request, queryset):
        # Without the filter the trash stays out of sight.
        return queryset.in_trash() if self.value() == "yes" else queryset.not_in_trash()


@admin.register(Article)
class ArticleAdmin(SlugFromTitleMixin, VersionAdmin, TabbedTranslationAdmin):
    form = ArticleAdminForm
    change_list_template = None
    object_history_template = "admin/news/article/object_history.html"
    delete_confirmation_template = "admin/news/article/delete_confirmation.html"
    history_latest_first = True
    list_display = ("headline", "published_at", "category", "status_label", "languages")
    list_display_links = ("headline",)
    list_filter = (TrashFilter, "status", "category", "original_language", MissingLanguageFilter)
    list_select_related = ("category",)
    date_hierarchy = "published_at"
    search_fields = (
        "title_az",
        "title_en",
        "title_ru",
        "summary_az",
        "summary_en",
        "summary_ru",
        "=legacy_id",
    )
    actions = ["move_to_trash", "recover_from_trash", "purge"]
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
        return super().get_queryset(request).prefetch_related("translations")

    def get_actions(self, request):
        actions = super().get_actions(request)
        # "Delete" would destroy; moving to the trash is the newsroom's delete.
        actions.pop("delete_selected", None)
        return actions

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

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status in Article.ON_RECORD:
            return publishes_releases(request.user) and super().has_delete_permission(request, obj)
        return super().has_delete_permission(request, obj)

    def translation_controls(self, request, obj):
        """Return {name: form field}: the translation switches this editor gets on ``obj``."""
        if obj is None:
            return {}
        controls = {}
        for code in translation_languages(request.user):
            if code == obj.original_language:
                continue
            translation = obj.translation_for(code)
            language = {"language": code.upper()}
            controls[f"ready_{code}"] = forms.BooleanField(
                required=False,
                initial=translation is None or translation.ready,
                label=_("%(language)s version ready for visitors") % language,
                help_text=_(
                    "Untick while the translation is in progress: visitors will not see it."
                ),
            )
            if obj.translation_state(code) == TranslationState.OUTDATED:
                controls[f"confirm_{code}"] = forms.BooleanField(
                    required=False,
                    label=_("%(language)s version matches the original again") % language,
                    help_text=_(
                        "Tick once the changes to the original shown below are translated."
                    ),
                )
        return controls

    def get_form(self, request, obj=None, **kwargs):
        attributes = {**self.translation_controls(request, obj), "editor": request.user}
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
            fieldsets.insert(1, (_("This change"), {"fields": ["change_kind", "change_note"]}))
        controls = list(self.translation_controls(request, obj))
        fieldsets.append((_("Translations"), {"fields": [*controls, "translation_overview"]}))
        editing = ["loaded_version"]
        if request.method == "POST" and request.POST.get("loaded_version") != str(obj.lock_version):
            editing.append("overwrite")
        fieldsets.append((_("History"), {"fields": [*editing, "event_log"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = ["translation_overview", "event_log"]
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
        if getattr(request, "restoring_revision", False):
            actions = [ArticleEvent.Action.REVISION_RESTORED]
        remark = ""
        if form.cleaned_data.get("change_kind") == ChangeKind.MAJOR:
            remark = form.cleaned_data["change_note"].strip()
            ChangeNote.objects.create(
                article=obj, note=remark, language=obj.original_language, created_by=request.user
            )
        elif ArticleEvent.Action.REJECTED in actions:
            remark = obj.review_remark
        elif ArticleEvent.Action.WITHDRAWN in actions:
            remark = obj.version(obj.original_language).withdrawal_reason
        record(obj, actions, request.user, remark)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Judge the editor's rights on the release as it stands, not as the revision had it.
        article = self.get_object(request, unquote(object_id))
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        # Saving the form this view shows restores the revision; save_model logs it so.
        request.restoring_revision = True
        response = super().revision_view(request, object_id, version_id, extra_context)
        if article is not None and request.method == "POST" and response.status_code == 302:
            # The revision brought its old edit counter back; move it past the one that
            # editors who opened the release before the restore still hold.
            Article.objects.filter(pk=article.pk).update(
                lock_version=Greatest("lock_version", Value(article.lock_version)) + 1
            )
        return response

    def save_translation_controls(self, obj, form):
        for code in LANGUAGE_CODES:
            if form.cleaned_data.get(f"confirm_{code}"):
                obj.record_translation_source(code)
            if f"ready_{code}" in form.cleaned_data:
                Translation.objects.update_or_create(
                    article=obj,
                    language=code,
                    defaults={"ready": form.cleaned_data[f"ready_{code}"]},
                )

    # The trash

    def delete_model(self, request, obj):
        self.move_to_trash(request, Article.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        self.move_to_trash(request, queryset)

    @admin.action(description=_("Move selected releases to the trash"), permissions=["delete"])
    def move_to_trash(self, request, queryset):
        articles = list(queryset.not_in_trash())
        if any(not self.has_delete_permission(request, article) for article in articles):
            raise PermissionDenied
        Article.objects.filter(pk__in=[a.pk for a in articles]).update(deleted_at=timezone.now())
        for article in articles:
            record(article, [ArticleEvent.Action.TRASHED], request.user)

    @admin.action(description=_("Recover selected releases from the trash"), permissions=["delete"])
    def recover_from_trash(self, request, queryset):
        articles = list(queryset.in_trash())
        Article.objects.filter(pk__in=[a.pk for a in articles]).update(deleted_at=None)
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

    def has_publish_permission(self, request):
        return publishes_releases(request.user)

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

    @admin.display(description=_("languages"))
    def languages(self, article):
        return format_html_join(
            " ",
            '<span class="translation-state translation-state--{}" title="{}">{} {}</span>',
            (
                (
                    state.replace(" ", "-"),
                    state.label,
                    code.upper(),
                    TRANSLATION_STATE_MARKS[state],
                )
                for code in LANGUAGE_CODES
                if (state := article.translation_state(code))
            ),
        )

    @admin.display(description=_("state of each language"))
    def translation_overview(self, article):
        rows = []
        for code in LANGUAGE_CODES:
            state = article.translation_state(code)
            rows.append(format_html("<p><strong>{}</strong>: {}</p>", code.upper(), state.label))
            translation = article.translation_for(code)
            if state == TranslationState.OUTDATED and translation:
                rows.append(original_changes(article, translation))
        return format_html_join("", "{}", ((row,) for row in rows))

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
                        date_format(timezone.localtime(event.created_at), "DATETIME_FORMAT"),
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

    # Extra pages: history with comparison, translation queue

    def get_urls(self):
        return [
            path(
                "translations/",
                self.admin_site.admin_view(self.translation_queue_view),
                name="news_article_translation_queue",
            ),
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
        extra_context = {**(extra_context or {}), "versions": versions}
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

    def translation_queue_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        queues = [
            (
                code,
                [
                    (article, state, state.label)
                    for article in Article.objects.needing_translation(code)
                    .prefetch_related("translations")
                    .order_by("published_at", "id")
                    if (state := article.translation_state(code))
                ],
            )
            for code in translation_languages(request.user)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation queue"),
            "opts": self.opts,
            "queues": queues,
        }
        return TemplateResponse(request, "admin/news/article/translation_queue.html", context)


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


def original_changes(article, translation):
    """Return how the original changed since ``translation`` was made, field by field."""
    current = article.version(article.original_language)
    pairs = [
        (_("Title"), translation.source_title, current.title),
        (_("Summary"), translation.source_summary, current.summary),
        (_("Body"), plain_text(translation.source_body), plain_text(current.body)),
    ]
    return format_html_join(
        "",
        '<div class="original-changes"><h4>{}</h4><p>{}</p></div>',
        ((label, word_diff(old, new)) for label, old, new in pairs if old != new),
    )
