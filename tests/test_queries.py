"""Public pages read the database a fixed, small number of times, however large the archive."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# No public page may make more than this many queries.
QUERY_BUDGET = 5


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # Savepoints come from ATOMIC_REQUESTS inside the test's transaction, not from the page.
    return sum(not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT")) for query in queries)


# Each page reads the navigation's categories, then: the latest releases; the count and the
# page; the count and the page of one category; the release with its category, then its change
# notes; for a search, the known words (the typo check), the matches, and the page.
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/", 2),
        ("/en/news/", 3),
        ("/en/news/?page=2", 3),
        ("/en/news/category/news/", 3),
        ("article", 3),
        ("/en/search/?q=release", 4),
        ("/en/search/?q=relaese+number", 4),
        ("/en/search/?q=release&sort=date&page=2", 4),
    ],
)
def test_query_count_is_the_same_with_one_release_and_with_two_hundred(client, url, expected):
    first = ArticleFactory()
    # The second page exists once there are two hundred releases; with one, it is page 1.
    target = first.get_absolute_url("en") if url == "article" else url
    few = count_queries(client, target.replace("?page=2", "").replace("&page=2", ""))

    ArticleFactory.create_batch(199)
    many = count_queries(client, target)

    assert few == many == expected
    assert many <= QUERY_BUDGET
