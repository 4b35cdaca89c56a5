"""Atom and RSS feeds of the latest releases, per language and per language and category.

Feeds go through the public gate like every list, so a withdrawn or held-back release leaves
them; they are kept by the page cache like other public pages, which answers a feed reader's
conditional request with 304 when nothing changed.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from . import agency
from .languages import current_language
from .models import Article, localized
from .views.public import navigation_categories

FEED_LENGTH = 20


class ReleasesRss(Feed):
    """The latest releases public in the visitor's language, optionally of one category."""

    feed_type = Rss201rev2Feed

    @classmethod
    def as_view(cls):
        # Feeds only read, like every public page.
        return transaction.non_atomic_requests(cls())

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    def get_object(self, request, slug=None):
        if slug is None:
            return None
        language = current_language()
        for category in navigation_categories(request):
            if localized(category, "slug", language) == slug:
                return category
        raise Http404

    def title(self, category):
        if category is None:
            return str(agency.NAME)
        return f"{category.name} — {agency.NAME}"

    def link(self, category):
        return category.get_absolute_url() if category else reverse("news:home")

    def description(self, category):
        return str(agency.DESCRIPTION)

    def author_name(self):
        return str(agency.NAME)

    def items(self, category):
        releases = Article.objects.visible(current_language()).without_bodies()
        if category is not None:
            releases = releases.filter(category=category)
        return releases.select_related("category").prefetch_related("change_notes")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.get_absolute_url()

    def item_guid(self, article):
        # Stable when a title, and so the address, changes: readers must not see a new item.
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},{article.created_at:%Y-%m-%d}:release/{article.pk}/{current_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_public_change()

    def item_categories(self, article):
        return [article.category.name]

    def item_author_name(self, article):
        return str(agency.NAME)


class ReleasesAtom(ReleasesRss):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)


def feed_links(category=None):
    """Return [(media type, title, URL)] of the feeds a page offers for discovery."""
    kwargs = {"slug": localized(category, "slug", current_language())} if category else {}
    prefix = "news:category_feed" if category else "news:feed"
    name = category.name if category else _("Latest releases")
    return [
        ("application/atom+xml", f"{name} (Atom)", reverse(f"{prefix}_atom", kwargs=kwargs)),
        ("application/rss+xml", f"{name} (RSS)", reverse(f"{prefix}_rss", kwargs=kwargs)),
    ]
