from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.generic import DetailView, ListView

from .languages import LANGUAGE_CODES, current_language
from .models import Article, Category, filled


class PublicPageMixin:
    """A page any visitor may see and a shared cache may keep for a short while."""

    @method_decorator(cache_control(public=True, max_age=settings.PUBLIC_CACHE_SECONDS))
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_language_urls(self):
        """Return {language: URL} of this page's versions, or None to translate its URL."""
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(language_urls=self.get_language_urls(), **kwargs)


class PublicArticleMixin(PublicPageMixin):
    """Releases as visitors of the current language may see them."""

    def get_queryset(self):
        return Article.objects.visible(current_language()).select_related("category")


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
        self.category = get_object_or_404(
            Category.objects.filter(filled("slug", current_language())),
            **{f"slug_{current_language()}": kwargs["slug"]},
        )
        return super().get(request, *args, **kwargs)

    def get_language_urls(self):
        return {code: self.category.get_absolute_url(code) for code in LANGUAGE_CODES}

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class ArticleDetailView(PublicArticleMixin, DetailView):
    template_name = "news/article_detail.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        canonical_url = self.object.get_absolute_url()
        if request.path != canonical_url:
            return HttpResponsePermanentRedirect(canonical_url)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_language_urls(self):
        return {
            code: self.object.get_absolute_url(code)
            for code in LANGUAGE_CODES
            if self.object.is_visible(code)
        }
