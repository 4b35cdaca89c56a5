"""The public site's views, one module per kind of page."""

from .archives import ArchiveIndexView, MonthArchiveView, YearArchiveView
from .articles import ArticleDetailView, ArticlePreviewView
from .legacy import LegacyArticleRedirectView
from .lists import ArticleListView, CategoryArticleListView, HomeView
from .public import PublicArticleMixin, PublicPageMixin
from .search import SearchView

__all__ = [
    "ArchiveIndexView",
    "ArticleDetailView",
    "ArticleListView",
    "ArticlePreviewView",
    "CategoryArticleListView",
    "HomeView",
    "LegacyArticleRedirectView",
    "MonthArchiveView",
    "PublicArticleMixin",
    "PublicPageMixin",
    "SearchView",
    "YearArchiveView",
]
