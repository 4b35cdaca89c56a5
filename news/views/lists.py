"""Lists of releases: the home page, all releases, one category."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from .. import seo
from ..languages import LANGUAGE_CODES, current_language
from ..models import localized
from .pagination import ReleasePaginator
from .public import PublicArticleMixin, navigation_categories


class ReleaseListMixin(PublicArticleMixin):
    """A list of releases: only the columns cards show, counted and paged for long lists."""

    def get_queryset(self):
        return super().get_queryset().without_bodies().with_lead_photographs()

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return ReleasePaginator(
            queryset,
            per_page,
            count_key=self.get_count_key(),
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
        )

    def get_count_key(self):
        """Return what tells this list apart from every other, for its kept count."""
        return f"{current_language()}:all"


class ReleaseListPageMixin(ReleaseListMixin):
    """A paginated list: its title says which page it is."""

    list_title = _("All releases")

    def get_list_title(self):
        return self.list_title

    def get_page_title(self):
        page = self.request.GET.get("page", "1")
        if page == "1":
            return self.get_list_title()
        return _("%(list)s — page %(number)s") % {"list": self.get_list_title(), "number": page}

    def get_context_data(self, **kwargs):
        return super().get_context_data(list_title=self.get_list_title(), **kwargs)


class HomeView(ReleaseListMixin, ListView):
    """The lead story, the latest releases after it, then a few more of each category."""

    template_name = "news/home.html"
    latest_count = 7
    per_category = 3
    # The sections are drawn from the newest releases: some months of the agency's output.
    sections_among = 300

    def get_queryset(self):
        return super().get_queryset()[: self.latest_count]

    def category_sections(self, shown):
        """Return [(category, its latest releases)] for the categories with any not ``shown``."""
        releases = super().get_queryset().exclude(pk__in=shown)
        by_category = {}
        for article in releases.latest_in_each_category(self.per_category, self.sections_among):
            by_category.setdefault(article.category_id, []).append(article)
        return [
            (category, by_category[category.pk])
            for category in navigation_categories(self.request)
            if category.pk in by_category
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = list(context["object_list"])
        return {
            **context,
            "lead": latest[0] if latest else None,
            "latest": latest[1:],
            "sections": self.category_sections([article.pk for article in latest]),
        }


class ArticleListView(ReleaseListPageMixin, ListView):
    template_name = "news/article_list.html"
    paginate_by = 20


class CategoryArticleListView(ArticleListView):
    def get(self, request, *args, **kwargs):
        language = current_language()
        self.category = next(
            (
                category
                for category in navigation_categories(request)
                if localized(category, "slug", language) == kwargs["slug"]
            ),
            None,
        )
        if self.category is None:
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(category=self.category)

    def get_count_key(self):
        return f"{current_language()}:category:{self.category.pk}"

    def get_language_urls(self):
        return {code: self.category.get_absolute_url(code) for code in LANGUAGE_CODES}

    def get_list_title(self):
        return self.category.name

    def get_page_description(self):
        return seo.category_description(self.category, current_language())

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)
