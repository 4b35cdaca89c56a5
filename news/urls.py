from django.urls import path, register_converter

from . import views
from .converters import IdConverter

register_converter(IdConverter, "id")

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ArticleListView.as_view(), name="list"),
    path("news/category/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("news/<id:pk>/", views.ArticleDetailView.as_view(), name="article_short"),
    path("news/<id:pk>/preview/", views.ArticlePreviewView.as_view(), name="preview"),
    # Any slug is accepted here so that a wrong or outdated one can redirect to the right one.
    path("news/<id:pk>/<str:slug>/", views.ArticleDetailView.as_view(), name="article"),
]
