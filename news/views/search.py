"""The site search: /<lang>/search/?q=…, over the releases public in that language."""

from dataclasses import dataclass

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import override
from django.views.generic import TemplateView

from ..languages import LANGUAGE_CODES, current_language
from ..models import availability_field
from ..search.documents import plain_text
from ..search.excerpts import excerpt, highlight
from ..search.query import SearchQuery
from ..search.results import Filters, Search
from .public import PublicArticleMixin, navigation_categories

BY_DATE = "date"
RESULT_FIELDS = (
    "published_at",
    "category",
    "original_language",
    # Which versions are public: a result's address borrows a public version's slug.
    *(availability_field(code) for code in LANGUAGE_CODES),
    "lead_image",
    "title",
    "slug",
    "summary",
    "body",
)


@dataclass(frozen=True)
class Result:
    article: object
    title: SafeString
    excerpt: SafeString


def _year(value):
    """Return ``value`` as a year if it reads as one, else None."""
    return int(value) if value.isascii() and value.isdigit() and len(value) == 4 else None


class SearchView(PublicArticleMixin, TemplateView):
    """Releases public in the visitor's language that hold every word searched for.

    Bad input never fails: an empty or unreadable query shows the form, unknown filters are
    left out. Results are never indexed by search engines.
    """

    template_name = "news/search.html"
    paginate_by = 20

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_queryset(self):
        # What a result shows, in the visitor's language only (modeltranslation reads "title"
        # as the current language's title): bodies are large, and only one is excerpted.
        return super().get_queryset().only(*RESULT_FIELDS).with_lead_photographs()

    def get(self, request, *args, **kwargs):
        params = request.GET
        self.query = SearchQuery.parse(params.get("q", ""))
        self.categories = navigation_categories(request)
        category = next((c for c in self.categories if c.key == params.get("category")), None)
        self.filters = Filters(
            category=category.pk if category else None,
            year=_year(params.get("year", "")),
            by_date=params.get("sort") == BY_DATE,
        )
        page_number = params.get("page", "1")
        # A number longer than any page could be is refused before it is read.
        if not (page_number.isascii() and page_number.isdigit() and len(page_number) <= 6):
            raise Http404
        end = int(page_number) * self.paginate_by
        if end < 1:
            raise Http404
        self.search = None
        if self.query:
            self.search = Search(
                self.get_queryset(), current_language(), self.query, self.filters, end=end
            )
        return self.render_to_response(self.get_context_data(page_number=page_number))

    def get_context_data(self, page_number, **kwargs):
        context = super().get_context_data(
            query=self.query,
            search=self.search,
            sort=BY_DATE if self.filters.by_date else "",
            category_options=[
                (category.key, category.name, category.pk == self.filters.category)
                for category in self.categories
            ],
            year_options=self.year_options(),
            **kwargs,
        )
        if self.search is None:
            return context
        paginator = Paginator(self.search, self.paginate_by)
        try:
            page = paginator.page(page_number)
        except InvalidPage as error:
            raise Http404 from error
        releases = self.search.page(page.start_index() - 1, page.end_index())
        matches = self.search.matcher(releases)
        page.object_list = [
            Result(
                article=release,
                title=highlight(release.title, matches),
                excerpt=excerpt(f"{release.summary} {plain_text(release.body)}", matches),
            )
            for release in releases
        ]
        context.update(paginator=paginator, page_obj=page, results=page.object_list)
        return context

    def year_options(self):
        """Return [(year, selected)] from this year back to the oldest public release's."""
        first = self.search.first_release if self.search else None
        last_year = timezone.localdate().year
        years = range(last_year, timezone.localtime(first).year - 1, -1) if first else range(0)
        options = [(year, year == self.filters.year) for year in years]
        if self.filters.year is not None and self.filters.year not in years:
            options.append((self.filters.year, True))
        return options

    def get_language_urls(self):
        query = self.request.GET.copy()
        query.pop("page", None)
        urls = {}
        for code in LANGUAGE_CODES:
            with override(code):
                urls[code] = reverse("news:search", query=query)
        return urls

    def get_alternate_urls(self):
        # Search results are not pages of their own for search engines.
        return {}
