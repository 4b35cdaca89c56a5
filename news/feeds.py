"""Atom and RSS feeds of the latest releases, per language and per language and category.

Feeds go through the public gate like every list, so a withdrawn or held-back release leaves
them; they are kept by the page cache like other public pages, which answers a feed reader's
conditional request with 304 when nothing changed. An entry whose release has a lead
photograph carries it as its enclosure: a JPEG, the format every reader takes, with the alt
text as the Atom link's title (RSS's enclosure has no place for it).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from . import agency
from .images.markup import fallback_rendition
from .images.renditions import MEDIA_TYPES, Kind
from .images.storage import file_storage
from .languages import current_language
from .models import Article, localized
from .views.public import navigation_categories

FEED_LENGTH = 20


class Photograph(Enclosure):
    """An enclosure that is a photograph, with the alt text a reader may show for it."""

    def __init__(self, url, length, mime_type, title=""):
        super().__init__(url, length, mime_type)
        self.title = title


class AtomWithPhotographs(Atom1Feed):
    """Atom whose enclosure links carry their photograph's alt text as their title."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "enclosures": ()})
        for enclosure in item["enclosures"]:
            attributes = {
                "rel": "enclosure",
                "href": enclosure.url,
                "length": enclosure.length,
                "type": enclosure.mime_type,
            }
            if enclosure.title:
                attributes["title"] = enclosure.title
            handler.addQuickElement("link", "", attributes)


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
        releases = releases.select_related("category").with_lead_photographs()
        return releases.prefetch_related("change_notes")[:FEED_LENGTH]

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

    def item_enclosures(self, article):
        image = article.lead_image
        jpegs = image.renditions_of(Kind.WIDTH, "jpeg") if image else []
        if not jpegs:
            return []
        rendition = fallback_rendition(jpegs)
        url = self.request.build_absolute_uri(file_storage().url(rendition["name"]))
        # Photographs stored before lengths were recorded say 0, as the RSS profile asks of
        # a length not known.
        length = str(rendition.get("bytes", 0))
        title = image.alt_text(current_language())
        return [Photograph(url, length, MEDIA_TYPES["jpeg"], title)]


class ReleasesAtom(ReleasesRss):
    feed_type = AtomWithPhotographs

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
