"""The archive: releases by year and by month, and an index of both with their counts."""

import datetime

from django.http import Http404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.generic import ListView, TemplateView

from ..languages import LANGUAGE_CODES, current_language
from ..models import Article
from ..pagecache.generation import remembered
from .articles import ArticleDetailView
from .lists import ReleaseListPageMixin
from .public import PublicPageMixin


def archive_months():
    """Return {language: [(year, month, releases)]} of the releases public in each, newest first."""

    def count():
        rows = Article.objects.published().month_counts(LANGUAGE_CODES)
        return {
            language: [
                (moment.year, moment.month, counts[language])
                for moment, counts in rows
                if counts[language]
            ]
            for language in LANGUAGE_CODES
        }

    return remembered("archive", count)


def archive_years(months):
    """Return [(year, releases, [(month, releases)])] of ``archive_months()``, newest first."""
    years = {}
    for year, month, releases in months:
        years.setdefault(year, []).append((month, releases))
    return [(year, sum(n for _m, n in by_month), by_month) for year, by_month in years.items()]


def archive_url(language, year=None, month=None):
    """Return the archive page of ``year`` (and ``month``) in ``language``, or its index."""
    with override(language):
        if year and month:
            return reverse("news:archive_month", kwargs={"year": year, "month": month})
        if year:
            return reverse("news:archive_year", kwargs={"year": year})
        return reverse("news:archive")


class ArchiveIndexView(PublicPageMixin, TemplateView):
    template_name = "news/archive_index.html"
    page_title = _("Archive")

    def get_context_data(self, **kwargs):
        years = [
            (year, releases, [(month_name(year, month), month, n) for month, n in months])
            for year, releases, months in archive_years(archive_months()[current_language()])
        ]
        return super().get_context_data(years=years, **kwargs)


class ArchivePeriodMixin(ReleaseListPageMixin):
    """One year or one month of the archive; a period without releases is not a page."""

    template_name = "news/article_list.html"
    paginate_by = 20

    def get_period(self):
        return self.kwargs["year"], self.kwargs.get("month")

    def months(self, language):
        """Return ``archive_months()`` of ``language``, read once for this page."""
        if not hasattr(self, "_months"):
            self._months = archive_months()
        return self._months[language]

    def has_releases(self, language):
        year, month = self.get_period()
        return any(
            y == year and (month is None or m == month) for y, m, _n in self.months(language)
        )

    def get(self, request, *args, **kwargs):
        if not self.has_releases(current_language()):
            return self.not_in_archive(request)
        return super().get(request, *args, **kwargs)

    def not_in_archive(self, request):
        raise Http404

    def get_queryset(self):
        year, month = self.get_period()
        queryset = super().get_queryset().filter(published_at__year=year)
        return queryset.filter(published_at__month=month) if month else queryset

    def get_count_key(self):
        year, month = self.get_period()
        return f"{current_language()}:archive:{year}:{month}"

    def get_language_urls(self):
        # Where the same period has nothing in another language, lead to that archive's index.
        year, month = self.get_period()
        return {
            code: archive_url(code, year, month) if self.has_releases(code) else archive_url(code)
            for code in LANGUAGE_CODES
        }

    def get_alternate_urls(self):
        year, month = self.get_period()
        return {
            code: archive_url(code, year, month)
            for code in LANGUAGE_CODES
            if self.has_releases(code)
        }


class YearArchiveView(ArchivePeriodMixin, ListView):
    def not_in_archive(self, request):
        # Four digits that name no year of the archive may be a release's short address.
        return ArticleDetailView.as_view()(request, pk=self.kwargs["year"])

    def get_list_title(self):
        return _("Releases of %(year)s") % {"year": self.kwargs["year"]}

    def get_context_data(self, **kwargs):
        year = self.kwargs["year"]
        years = archive_years(self.months(current_language()))
        months = next(months for y, _n, months in years if y == year)
        return super().get_context_data(
            archive_months=[(month_name(year, month), month, n) for month, n in months],
            archive_year=year,
            **kwargs,
        )


class MonthArchiveView(ArchivePeriodMixin, ListView):
    def get_list_title(self):
        return month_name(*self.get_period(), with_year=True)

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive_year=self.kwargs["year"], **kwargs)


def month_name(year, month, *, with_year=False):
    """Return the month's name as the active language writes it alone: "December 2020"."""
    return date_format(datetime.date(year, month, 1), "F Y" if with_year else "F")
