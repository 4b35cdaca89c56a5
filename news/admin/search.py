"""The release list's search box: the site search's folding and index, in every language.

A press officer types without Azerbaijani letters (``dovlet`` for ``Dövlət``) and in any
language; every word must appear in the title, summary or text of one language version, and
a long word also finds the longer words it begins. A number also finds the release of that
number on the old website.

At the archive's full size a common word matches tens of thousands of releases, which no
database counts quickly. The search first asks for the ids of up to ``COUNT_LIMIT`` + 1
matches, in any order: when those are all, the list is narrowed to them and counted exactly;
when there are more, the list is counted up to the limit, and a message says so.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..limits import LEGACY_ID_MAX
from ..models import Article, SearchDocument
from ..search.backends import newsroom_match
from ..search.query import SearchQuery
from ..search.results import COUNT_LIMIT


class CountedUpToLimit(Paginator):
    """Pages of a list known to hold more than COUNT_LIMIT releases, counted as COUNT_LIMIT."""

    @cached_property
    def count(self):
        return COUNT_LIMIT


class ReleaseSearchMixin:
    # Django shows the search box when there are search fields; the words themselves are
    # matched by get_search_results below, not field by field.
    search_fields = ("=legacy_id",)
    search_help_text = gettext_lazy(
        "Words from the title, summary or text, in any language; ə, ı, ö, ü, ş, ç and ğ may be "
        "typed as e, i, o, u, s, c and g. A number also finds the release of that number on "
        "the old website."
    )

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        query = SearchQuery.parse(term)
        condition = newsroom_match(query.words) if query else Q(pk__in=[])
        found = SearchDocument.objects.filter(condition).order_by().values_list("article_id")
        if term.isascii() and term.isdigit() and int(term) <= LEGACY_ID_MAX:
            legacy = Article.objects.filter(legacy_id=int(term)).order_by().values_list("pk")
            found = found.union(legacy)
        ids = [pk for (pk,) in found[: COUNT_LIMIT + 1]]
        if len(ids) <= COUNT_LIMIT:
            return queryset.filter(pk__in=ids), False
        request.search_counted_up_to_limit = True
        # "id IN (...)", never "... OR ...": each part is then read from its own index.
        return queryset.filter(pk__in=found), False

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if getattr(request, "search_counted_up_to_limit", False):
            messages.info(
                request,
                _(
                    "More than %(limit)s releases hold these words; the list counts %(limit)s. "
                    "Add a word or a filter to narrow it."
                )
                % {"limit": COUNT_LIMIT},
            )
            return CountedUpToLimit(queryset, per_page, orphans, allow_empty_first_page)
        return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)
