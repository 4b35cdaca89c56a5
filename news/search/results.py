"""A search over the releases visitors may see: how many match, and a page of them in order.

The caller hands in the public gate's queryset (``Article.objects.visible(language)``); a
search only ever narrows it. Results come in two tiers, the releases whose title holds every
word first, then the others, newest first within each; or newest first throughout.

At most three queries, each bounded however large the archive:

1. the candidates: up to ``COUNT_LIMIT`` + 1 matches, each with its date and whether its title
   holds the words (after a typo was corrected: those of the corrected words and of the words
   as typed, at once). Their number is the count shown, "more than" past the limit.
   PostgreSQL lists them in no order, so that it stops at the limit whichever way it finds
   them; SQLite lists them ranked. When they are all the matches, or on SQLite, they are put
   in order here and nothing more is asked.
2. only on PostgreSQL, when there are more: the matches newest first, and the title matches
   newest first, each up to the end of the page asked for. Newest first, a common word is
   found by walking the public list until the page is full; title matches are walked too when
   the candidates show them to be common, and read from their GIN index when rare, so that no
   walk goes through the archive looking for matches that are not there.
3. the releases of the page.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Subquery, Value

from .backends import backend
from .excerpts import Matcher
from .vocabulary import Vocabulary, look_up

# Results are counted, and can be paged through, up to this many; past it the page says
# "more than", and a section or a year narrows the search.
COUNT_LIMIT = 1000
NEWEST_FIRST = ("-published_at", "-pk")
# Title matches are walked newest first only when at least this share of the candidates are.
COMMON_IN_TITLES = 0.05
CANDIDATE = ("pk", "published_at", "in_title", "first_release")


@dataclass(frozen=True)
class Filters:
    category: int | None = None
    year: int | None = None
    by_date: bool = False


@dataclass(frozen=True)
class Candidate:
    pk: int
    published_at: object
    in_title: bool
    first_release: object


def _tiered(rows):
    """Return ``rows`` title matches first, newest first within each tier."""
    return sorted(rows, key=lambda row: (row.in_title, row.published_at, row.pk), reverse=True)


class Search:
    """The releases of ``visible`` holding every word of ``query``, in ``language``.

    ``end`` is where the page asked for ends, counted in results from the first.
    """

    def __init__(self, visible, language, query, filters=Filters(), *, end):
        self.visible = visible
        self.filters = filters
        self.end = min(end, COUNT_LIMIT)
        self.query = query
        stems = backend(language).stems
        vocabulary = look_up(query.words, language, stems=stems) if query else Vocabulary()
        self.backend = backend(language, beginnings=vocabulary.beginnings)
        # Words no release holds are corrected when a known word is one edit away; the
        # correction is shown only if it finds public releases, and never says that a word
        # only hidden ones hold exists. Otherwise the words as typed are searched.
        words = vocabulary.correction
        choices = [query.replaced(words), query] if words else [query]
        chosen, self.candidates = self._candidates(choices)
        self.correction = chosen if chosen is not query else None
        self.first_release = self.candidates[0].first_release if self.candidates else None
        self.ranked = self._ranked()

    @property
    def searched(self):
        """Return the query whose results are shown: the corrected one, or the one typed."""
        return self.correction or self.query

    @property
    def count(self):
        """Return how many releases match, at most COUNT_LIMIT."""
        return min(len(self.candidates), COUNT_LIMIT)

    @property
    def more(self):
        """Say whether more than COUNT_LIMIT releases match."""
        return len(self.candidates) > COUNT_LIMIT

    # As a sequence, for a Paginator: as long as the count, its items the matches in order.
    def __len__(self):
        return self.count

    def __getitem__(self, index):
        return self.ranked[index]

    def _filtered(self, queryset):
        """Return ``queryset`` in the section and year asked for, with the oldest release's date."""
        if self.filters.category is not None:
            queryset = queryset.filter(category_id=self.filters.category)
        if self.filters.year is not None:
            queryset = queryset.filter(published_at__year=self.filters.year)
        first = self.visible.order_by("published_at").values("published_at")[:1]
        return queryset.annotate(first_release=Subquery(first))

    def _in_title(self, query):
        return ExpressionWrapper(self.backend.title_holds(query.words), output_field=BooleanField())

    def _matches(self, query):
        return self._filtered(self.visible.filter(self.backend.holds(query.words)))

    def _candidates(self, choices):
        """Return (the first of ``choices`` that finds releases, or the last; its candidates)."""
        if not choices[0]:
            return choices[0], []
        if not connection.features.supports_slicing_ordering_in_compound:
            # SQLite lists each choice's candidates ranked: no other query is then needed.
            for query in choices:
                ranked = self._matches(query).annotate(in_title=self._in_title(query))
                order = ["-in_title"] if not self.filters.by_date else []
                rows = self._rows(ranked.order_by(*order, *NEWEST_FIRST), COUNT_LIMIT + 1)
                if rows:
                    return query, rows
            return choices[-1], []
        # In no order (the model's newest first is cleared): PostgreSQL may then stop at the
        # limit whichever way it finds the matches. Every choice is asked at once. No candidate
        # column is translated, so modeltranslation's per-row fallbacks are skipped.
        parts = [
            self._matches(query)
            .annotate(in_title=self._in_title(query), choice=Value(index))
            .order_by()
            .rewrite(False)
            .values_list(*CANDIDATE, "choice")[: COUNT_LIMIT + 1]
            for index, query in enumerate(choices)
        ]
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        found = {}
        for *candidate, choice in rows:
            found.setdefault(choice, []).append(Candidate(*candidate))
        chosen = min(found, default=len(choices) - 1)
        return choices[chosen], found.get(chosen, [])

    def _ranked(self):
        """Return the matches in order, as far as the page asked for ends at least."""
        if not self.more or not connection.features.supports_slicing_ordering_in_compound:
            if self.filters.by_date:
                return sorted(self.candidates, key=lambda r: (r.published_at, r.pk), reverse=True)
            return _tiered(self.candidates)
        matches = self._matches(self.searched)
        newest = matches.annotate(in_title=Value(False)).order_by(*NEWEST_FIRST)
        if self.filters.by_date:
            return self._rows(newest, self.end)
        words = self.searched.words
        titled = self._filtered(self.visible.filter(self.backend.title_holds(words)))
        titled = titled.annotate(in_title=Value(True))
        common = sum(row.in_title for row in self.candidates) >= COMMON_IN_TITLES * COUNT_LIMIT
        if common:
            titled = titled.order_by(*NEWEST_FIRST)
        else:
            # An order no index gives: the planner reads the few title matches from the GIN
            # index and sorts them, rather than walk the archive in search of them.
            shifted = F("published_at") + Value(timedelta(0))
            titled = titled.order_by(shifted.desc(), "-pk")
        union = (
            titled.rewrite(False)
            .values_list(*CANDIDATE)[: self.end]
            .union(newest.rewrite(False).values_list(*CANDIDATE)[: self.end], all=True)
        )
        rows = [Candidate(*row) for row in union.order_by()]
        title_rows = [row for row in rows if row.in_title]
        seen = {row.pk for row in title_rows}
        # The newest matches hold title matches too; each release is listed once, in its tier.
        return title_rows + [row for row in rows if not row.in_title and row.pk not in seen]

    @staticmethod
    def _rows(queryset, limit):
        # No candidate column is translated: modeltranslation's per-row fallbacks are skipped.
        rows = queryset.rewrite(False).values_list(*CANDIDATE)[:limit]
        return [Candidate(*row) for row in rows]

    def page(self, start, end):
        """Return the releases from ``start`` to ``end`` in order, with their lexemes."""
        ids = [row.pk for row in self.ranked[start:end]]
        if not ids:
            return []
        releases = self.visible.filter(pk__in=ids).annotate(
            lexemes=self.backend.lexemes(self.searched.words)
        )
        by_id = {release.pk: release for release in releases}
        return [by_id[pk] for pk in ids if pk in by_id]

    def matcher(self, releases):
        """Return the Matcher of what was searched, from the lexemes ``releases`` carry."""
        lexemes = self.backend.parse_lexemes(releases[0].lexemes) if releases else []
        return Matcher(self.searched.words, lexemes)
