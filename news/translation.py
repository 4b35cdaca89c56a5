from modeltranslation.translator import TranslationOptions, register

from .models import Article, Category, Image


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")
    empty_values = ""


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "withdrawal_reason")
    empty_values = ""


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
    empty_values = ""
