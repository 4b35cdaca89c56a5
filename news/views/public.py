"""What every public page shares: the published queryset, caching headers, language links."""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.utils.cache import patch_cache_control

from .. import agency, seo
from ..languages import LANGUAGE_CODES, current_language
from ..models import Article, Category
from ..pagecache.generation import remembered


def navigation_categories(request):
    """Return every category, in navigation order: read once per request, or per content state."""
    if not hasattr(request, "navigation_categories"):
        request.navigation_categories = remembered(
            "categories", lambda: list(Category.objects.all())
        )
    return request.navigation_categories


def public_page(view):
    """Mark a function view's answers as public, like PublicPageMixin does for classes."""

    @wraps(view)
    def public(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    return transaction.non_atomic_requests(public)


class PublicPageMixin:
    """A page any visitor may see and a shared cache may keep for a short while.

    It also says what search engines and sharing previews read of it: its title (without
    the agency's name, which the template adds), description, canonical address and kind.
    """

    page_title = None
    og_type = "website"

    @classmethod
    def as_view(cls, **initkwargs):
        # A public page only reads: a transaction around it would cost two round trips.
        return transaction.non_atomic_requests(super().as_view(**initkwargs))

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.user.is_staff:
            # Editors check their own changes here: they get the page as it is now.
            patch_cache_control(response, private=True, no_cache=True, max_age=0)
        else:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    def get_language_urls(self):
        """Return {language: URL} for the language switcher, or None to translate this URL."""
        return None

    def get_alternate_urls(self):
        """Return {language: URL} of the versions that really exist, for hreflang links."""
        return self.get_language_urls()

    def get_page_title(self):
        return self.page_title

    def get_page_description(self):
        return agency.DESCRIPTION

    def get_canonical_url(self):
        """Return the page's own absolute address; a list's page number is part of it."""
        url = self.request.build_absolute_uri(self.request.path)
        page = self.request.GET.get("page", "1")
        return f"{url}?{urlencode({'page': page})}" if page != "1" else url

    def get_context_data(self, **kwargs):
        alternates = self.get_alternate_urls()
        # A page that knows better (a release shown in another language) says so itself.
        meta = {
            "page_title": self.get_page_title(),
            "page_description": self.get_page_description(),
            "canonical_url": self.get_canonical_url(),
            "og_type": self.og_type,
            "default_share_image": seo.default_share_image(self.request),
            **seo.open_graph_locales(current_language(), alternates or LANGUAGE_CODES),
            # Parts of a public page may be kept under the content state ({% kept %}).
            "keeps_fragments": True,
        }
        return super().get_context_data(
            language_urls=self.get_language_urls(),
            alternate_urls=alternates,
            **{**meta, **kwargs},
        )


class PublicArticleMixin(PublicPageMixin):
    """Releases as visitors of the current language may see them."""

    def get_queryset(self):
        return Article.objects.visible(current_language()).select_related("category")
