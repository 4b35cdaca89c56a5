import json

from django import forms
from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .languages import LANGUAGE_CODES
from .models import Article, Category
from .text import TRANSLITERATION


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
    list_filter = ("status", "category", MissingLanguageFilter)
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
        (_("Publication"), {"fields": ("category", "status", "published_at")}),
        (_("Old website"), {"fields": ("legacy_id",), "classes": ("collapse",)}),
    )

    @admin.display(description=_("complete languages"))
    def languages(self, article):
        complete = set(article.complete_languages)
        return format_html_join(
            " ",
            '<span title="{}">{}{}</span>',
            (
                (
                    _("complete") if code in complete else _("missing"),
                    code.upper(),
                    "✓" if code in complete else "✗",
                )
                for code in LANGUAGE_CODES
            ),
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
