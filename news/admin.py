import json
import re

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator

from .diff import plain_text, word_diff
from .languages import LANGUAGE_CODES
from .models import Article, Category, Translation
from .roles import translation_languages, writes_releases
from .text import TRANSLITERATION

# Every field of a release an editor can change in the form, each language separately.
EDITABLE_FIELD_NAMES = [
    field.name
    for field in Article._meta.concrete_fields
    if field.editable
    and not field.primary_key
    and field.name not in translator.get_options_for_model(Article).all_fields
]
SPLIT_WIDGET_SUFFIX = re.compile(r"_[01]$")

TRANSLATION_STATE_LABELS = {
    "original": _("original"),
    "missing": _("missing"),
    "outdated": _("outdated: the original has changed"),
    "held back": _("held back by the translator"),
    "current": _("up to date"),
}
TRANSLATION_STATE_MARKS = {
    "original": "●",
    "missing": "✗",
    "outdated": "⟳",
    "held back": "⏸",
    "current": "✓",
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


@admin.register(Article)
class ArticleAdmin(SlugFromTitleMixin, TabbedTranslationAdmin):
    list_display = ("title", "published_at", "category", "status", "languages")
    list_display_links = ("title",)
    list_filter = ("status", "category", "original_language", MissingLanguageFilter)
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
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (
            _("Publication"),
            {"fields": ("category", "status", "published_at", "original_language")},
        ),
        (_("Old website"), {"fields": ("legacy_id",), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    # Languages and what each editor may touch

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
            if obj.translation_state(code) == "outdated":
                controls[f"confirm_{code}"] = forms.BooleanField(
                    required=False,
                    label=_("%(language)s version matches the original again") % language,
                    help_text=_(
                        "Tick once the changes to the original shown below are translated."
                    ),
                )
        return controls

    def get_form(self, request, obj=None, **kwargs):
        controls = self.translation_controls(request, obj)
        kwargs["form"] = type("ArticleAdminForm", (self.form,), controls)
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            controls = list(self.translation_controls(request, obj))
            fieldsets.append((_("Translations"), {"fields": [*controls, "translation_overview"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = ["translation_overview"]
        if writes_releases(request.user):
            return readonly
        languages = translation_languages(request.user)
        return readonly + [
            name
            for name in EDITABLE_FIELD_NAMES
            if getattr(Article._meta.get_field(name), "language", None) not in languages
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id and not writes_releases(request.user):
            self.refuse_fields_not_theirs(request, self.get_object(request, unquote(object_id)))
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

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        for code in LANGUAGE_CODES:
            if form.cleaned_data.get(f"confirm_{code}"):
                obj.record_translation_source(code)
            if f"ready_{code}" in form.cleaned_data:
                Translation.objects.update_or_create(
                    article=obj,
                    language=code,
                    defaults={"ready": form.cleaned_data[f"ready_{code}"]},
                )

    # Change list

    @admin.display(description=_("languages"))
    def languages(self, article):
        return format_html_join(
            " ",
            '<span class="translation-state translation-state--{}" title="{}">{} {}</span>',
            (
                (
                    state.replace(" ", "-"),
                    TRANSLATION_STATE_LABELS[state],
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
            rows.append(
                format_html(
                    "<p><strong>{}</strong>: {}</p>", code.upper(), TRANSLATION_STATE_LABELS[state]
                )
            )
            translation = article.translation_for(code)
            if state == "outdated" and translation:
                rows.append(original_changes(article, translation))
        return format_html_join("", "{}", ((row,) for row in rows))

    # Translation queue

    def get_urls(self):
        return [
            path(
                "translations/",
                self.admin_site.admin_view(self.translation_queue_view),
                name="news_article_translation_queue",
            ),
            *super().get_urls(),
        ]

    def translation_queue_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        queues = [
            (
                code,
                [
                    (article, state, TRANSLATION_STATE_LABELS[state])
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
