"""Public pages read the database a fixed number of times, however many releases there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # Savepoints come from ATOMIC_REQUESTS inside the test's transaction, not from the page.
    return sum(not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT")) for query in queries)


# Navigation categories, then: the latest releases; count and page; category, count and page;
# the release with its category, its translations' state and its change notes.
@pytest.mark.parametrize(
    ("url", "expected"),
    [("/en/", 2), ("/en/news/", 3), ("/en/news/category/news/", 4), ("article", 4)],
)
def test_query_count_does_not_grow_with_the_number_of_releases(client, url, expected):
    first = ArticleFactory()
    target = first.get_absolute_url("en") if url == "article" else url
    few = count_queries(client, target)

    ArticleFactory.create_batch(30)
    many = count_queries(client, target)

    assert few == many
    assert many == expected
