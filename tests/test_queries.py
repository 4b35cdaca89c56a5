"""Public pages read the database a fixed, small number of times, however large the archive."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import ArticleImage
from tests.factories import ArticleFactory, ImageFactory, show

pytestmark = pytest.mark.django_db

# No public page may make more than this many queries.
QUERY_BUDGET = 5


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # Savepoints come from ATOMIC_REQUESTS inside the test's transaction, not from the page.
    return sum(not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT")) for query in queries)


def with_photographs(article, photographs):
    """Give ``article`` a lead photograph, a gallery of the others and one in its body."""
    lead, *gallery = photographs
    show(article, lead)
    for position, image in enumerate(gallery):
        show(article, image, ArticleImage.Place.GALLERY, position)
    article.body_en += f'<figure data-image="{gallery[0].pk}"></figure>'
    article.save()
    return article


# Each page reads the navigation's categories, then: the latest releases and, in one more
# query, the latest of each category; the count and the page; the count and the page of one
# category; the release with its category, then its change notes and its category's latest
# other releases; the archive's months in every language, the period's count and page; a feed's
# releases and their change notes; the sitemap index's latest change, releases and
# categories (to count its pages), and a page of releases; the API's count, page and change
# notes, and one release with its change notes; for a search, the known words (the typo
# check), the matches and the page; and a release's photographs (a list's lead photographs
# come with their releases).
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/", 3),
        ("/en/news/", 3),
        ("/en/news/?page=2", 3),
        ("/en/news/category/news/", 3),
        ("article", 5),
        ("year", 4),
        ("month", 4),
        ("/en/news/archive/", 2),
        ("/en/feed/atom/", 2),
        ("/en/news/category/news/feed/rss/", 3),
        ("/sitemap.xml", 3),
        ("/sitemap-releases.xml", 1),
        ("/api/v1/releases/?language=en", 3),
        ("api-release", 2),
        ("/en/search/?q=release", 4),
        ("/en/search/?q=relaese+number", 4),
        ("/en/search/?q=release&sort=date&page=2", 4),
    ],
)
def test_query_count_is_the_same_with_one_release_and_with_two_hundred(client, url, expected):
    # Press offices reuse their photographs: three serve every release here.
    photographs = ImageFactory.create_batch(3)
    first = with_photographs(ArticleFactory(), photographs)
    # The second page exists once there are two hundred releases; with one, it is page 1.
    moment = timezone.localtime(first.published_at)
    target = {
        "article": first.get_absolute_url("en"),
        "api-release": f"/api/v1/releases/{first.pk}/",
        "year": f"/en/news/{moment.year}/",
        "month": f"/en/news/{moment.year}/{moment.month:02d}/",
    }.get(url, url)
    few = count_queries(client, target.replace("?page=2", "").replace("&page=2", ""))

    for article in ArticleFactory.create_batch(199):
        with_photographs(article, photographs)
    many = count_queries(client, target)

    assert few == many == expected
    assert many <= QUERY_BUDGET
