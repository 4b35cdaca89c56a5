"""The public site's views, one module per kind of page."""

from .articles import ArticleDetailView, ArticlePreviewView
from .lists import ArticleListView, CategoryArticleListView, HomeView
from .public import PublicArticleMixin, PublicPageMixin
from .search import SearchView

__all__ = [
    "ArticleDetailView",
    "ArticleListView",
    "ArticlePreviewView",
    "CategoryArticleListView",
    "HomeView",
    "PublicArticleMixin",
    "PublicPageMixin",
    "SearchView",
]
