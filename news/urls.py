from django.urls import path, re_path, register_converter

from . import converters, views
from .feeds import ReleasesAtom, ReleasesRss

app_name = "news"

register_converter(converters.IdConverter, "id")
register_converter(converters.YearConverter, "year")
register_converter(converters.MonthConverter, "month")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ArticleListView.as_view(), name="list"),
    path("news/archive/", views.ArchiveIndexView.as_view(), name="archive"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("news/category/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("feed/atom/", ReleasesAtom.as_view(), name="feed_atom"),
    path("feed/rss/", ReleasesRss.as_view(), name="feed_rss"),
    path("news/category/<slug:slug>/feed/atom/", ReleasesAtom.as_view(), name="category_feed_atom"),
    path("news/category/<slug:slug>/feed/rss/", ReleasesRss.as_view(), name="category_feed_rss"),
    # Before the release's own addresses: four digits there name a year of the archive.
    path("news/<year:year>/", views.YearArchiveView.as_view(), name="archive_year"),
    path("news/<year:year>/<month:month>/", views.MonthArchiveView.as_view(), name="archive_month"),
    path("news/<id:pk>/", views.ArticleDetailView.as_view(), name="article_short"),
    path("news/<id:pk>/preview/", views.ArticlePreviewView.as_view(), name="preview"),
    # Any slug is accepted here so that a wrong or outdated one can redirect to the right one.
    path("news/<id:pk>/<str:slug>/", views.ArticleDetailView.as_view(), name="article"),
    # The old site's addresses of releases.
    re_path(
        r"^(?:news|press)_detail/(?P<legacy_id>[0-9]{1,10})/?$",
        views.LegacyArticleRedirectView.as_view(),
        name="legacy_article",
    ),
]
