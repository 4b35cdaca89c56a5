"""Lists of releases: the home page, all releases, one category."""

from django.shortcuts import get_object_or_404
from django.views.generic import ListView
from modeltranslation.utils import build_localized_fieldname

from ..languages import LANGUAGE_CODES, current_language
from ..models import Category
from .public import PublicArticleMixin


class HomeView(PublicArticleMixin, ListView):
    template_name = "news/home.html"
    latest_count = 10

    def get_queryset(self):
        return super().get_queryset()[: self.latest_count]


class ArticleListView(PublicArticleMixin, ListView):
    template_name = "news/article_list.html"
    paginate_by = 20
    category = None

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.category:
            queryset = queryset.filter(category=self.category)
        return queryset


class CategoryArticleListView(ArticleListView):
    def get(self, request, *args, **kwargs):
        slug_field = build_localized_fieldname("slug", current_language())
        self.category = get_object_or_404(Category, **{slug_field: kwargs["slug"]})
        return super().get(request, *args, **kwargs)

    def get_language_urls(self):
        return {code: self.category.get_absolute_url(code) for code in LANGUAGE_CODES}

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)
