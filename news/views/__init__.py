"""The public site's views, one module per kind of page."""

from .articles import ArticleDetailView, ArticlePreviewView
from .lists import ArticleListView, CategoryArticleListView, HomeView
from .public import PublicArticleMixin, PublicPageMixin

__all__ = [
    "ArticleDetailView",
    "ArticleListView",
    "ArticlePreviewView",
    "CategoryArticleListView",
    "HomeView",
    "PublicArticleMixin",
    "PublicPageMixin",
]
