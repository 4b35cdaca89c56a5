from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ArticleListView.as_view(), name="list"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("news/category/<str:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("news/<int:pk>/", views.ArticleDetailView.as_view(), name="article_short"),
    path("news/<int:pk>/preview/", views.ArticlePreviewView.as_view(), name="preview"),
    # Any slug is accepted here so that a wrong or outdated one can redirect to the right one.
    path("news/<int:pk>/<str:slug>/", views.ArticleDetailView.as_view(), name="article"),
]
