"""The sitemap: every public release page in each language it is public in, and the site's pages.

Each address lists its language versions as hreflang alternates, with ``x-default`` as the
pages themselves give it. Releases are read as plain values, never as model instances: the
archive runs to 100,000 releases.
"""

import operator
from functools import reduce
from typing import NamedTuple

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.translation import get_language

from .languages import LANGUAGE_CODES
from .models import Article, Category, availability_field
from .models.articles import release_url

# Well below the protocol's 50,000 addresses, so that a page of the sitemap stays quick to
# make; the index lists as many pages as the archive needs.
ADDRESSES_PER_PAGE = 10_000


class ReleaseEntry(NamedTuple):
    pk: int
    original_language: str
    slugs: dict
    languages: list
    updated_at: object


class LanguageVersionsSitemap(Sitemap):
    """A sitemap whose every address lists the language versions of its page."""

    i18n = True
    alternates = True

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        for url in urls:
            versions = {
                alternate["lang_code"]: alternate["location"] for alternate in url["alternates"]
            }
            default = versions.get(settings.LANGUAGE_CODE) or next(iter(versions.values()), None)
            if default:
                url["alternates"].append({"location": default, "lang_code": "x-default"})
        return urls


class ReleaseSitemap(LanguageVersionsSitemap):
    limit = ADDRESSES_PER_PAGE

    def items(self):
        columns = [f"slug_{code}" for code in LANGUAGE_CODES]
        flags = [availability_field(code) for code in LANGUAGE_CODES]
        in_some_language = reduce(operator.or_, (Q(**{flag: True}) for flag in flags))
        rows = (
            Article.objects.published()
            .filter(in_some_language)
            .order_by("pk")
            .values_list("pk", "original_language", "updated_at", *columns, *flags)
        )
        count = len(LANGUAGE_CODES)
        return [
            ReleaseEntry(
                pk=pk,
                original_language=original,
                slugs=dict(zip(LANGUAGE_CODES, rest[:count], strict=True)),
                languages=[
                    code for code, flag in zip(LANGUAGE_CODES, rest[count:], strict=True) if flag
                ],
                updated_at=updated_at,
            )
            for pk, original, updated_at, *rest in rows.iterator(chunk_size=5000)
        ]

    def get_languages_for_item(self, entry):
        return entry.languages

    def location(self, entry):
        # The sitemap framework activates each language in turn around this call.
        return release_url(entry.pk, get_language(), entry.slugs, entry.original_language)

    def lastmod(self, entry):
        return entry.updated_at

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class PageSitemap(LanguageVersionsSitemap):
    """The home page, the lists and the archive, the categories, and the fixed pages."""

    def items(self):
        pages = ["news:home", "news:list", "news:archive", "terms", "privacy", "accessibility"]
        return pages + list(Category.objects.all())

    def location(self, item):
        return item.get_absolute_url() if isinstance(item, Category) else reverse(item)


SITEMAPS = {"releases": ReleaseSitemap, "pages": PageSitemap}
