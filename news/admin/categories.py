from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from ..models import Category
from .slugs import SlugFromTitleMixin


@admin.register(Category)
class CategoryAdmin(SlugFromTitleMixin, TabbedTranslationAdmin):
    slug_source_field = "name"
    list_display = ("name", "key", "position")
    ordering = ("position",)
