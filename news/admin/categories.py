from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from ..models import Category
from .slugs import SlugFromTitleMixin


@admin.register(Category)
class CategoryAdmin(SlugFromTitleMixin, TabbedTranslationAdmin):
    slug_source_field = "name"
    list_display = ("name", "key", "position")
    ordering = ("position",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # Every language's pages name every category, so each language needs its name.
        translated = getattr(db_field, "translated_field", None)
        if field is not None and translated is not None and translated.name == "name":
            field.required = True
        return field
