"""Pages of a long list of releases that cost the same on page 1 and on page 500."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from ..pagecache.generation import remembered


class ReleasePaginator(Paginator):
    """Count once per content state, and read a page by its ids first.

    Counting tens of thousands of public releases takes a scan of the partial index; the
    count only changes with the content state, so it is kept under it. A page far down the
    list is found by skipping entries of that index alone (an index-only scan), then only its
    own rows are read.
    """

    def __init__(self, object_list, per_page, *, count_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        return remembered(f"count:{self.count_key}", self.object_list.count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = self.object_list.values("pk")[bottom : bottom + self.per_page]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)
