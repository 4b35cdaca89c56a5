"""Measure the site search and the newsroom's search at the archive's planned size.

    .venv/bin/python scripts/bench_search.py [--releases 100000] [--repeat 15] [--reset]

Fills a scratch PostgreSQL database (``mp_search_bench`` on 127.0.0.1:5432, or
``--database-url``) with made-up releases in three languages the first time, then times typical
searches through the whole Django stack (view, SQL, templates), with the page cache off, as
for a query nobody asked before (the parts all pages share are kept, as on a site in use).
Prints the median and the 95th percentile per search and for the whole set, next to the list
page's for comparison, the newsroom's search, the query count of each page, and the plans
PostgreSQL chose for a common and a rare word.

Goals on a 2-core machine: median under 50 ms, 95th percentile under 150 ms for the site
search; under 300 ms for the newsroom's.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/mp_search_bench"

# (what it shows, language, parameters)
SEARCHES = [
    ("without Azerbaijani letters", "az", {"q": "dovlet miqrasiya xidmeti"}),
    ("with Azerbaijani letters", "az", {"q": "Dövlət Miqrasiya Xidməti"}),
    ("common word", "az", {"q": "miqrasiya"}),
    ("common word, page 5", "az", {"q": "miqrasiya", "page": "5"}),
    ("common word, newest first", "az", {"q": "miqrasiya", "sort": "date"}),
    ("a city", "az", {"q": "Lənkəran"}),
    ("rare word", "az", {"q": "4015"}),
    ("typo", "az", {"q": "migrasiya"}),
    ("filter: section and year", "az", {"q": "vetendasliq", "category": "news", "year": "2015"}),
    ("English, word forms", "en", {"q": "meetings"}),
    ("English, two words", "en", {"q": "work permits"}),
    ("Russian, word forms", "ru", {"q": "миграционной службы"}),
    ("Russian city", "ru", {"q": "Гянджа"}),
    ("nothing found", "en", {"q": "zanzibar"}),
]
NEWSROOM_SEARCHES = ["dovlet xidm", "miqrasiya", "Гянджа", "work permits", "100123", "zanzibar"]
EXPLAINED = [("common word", "az", "miqrasiya"), ("rare word", "az", "4015")]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15, help="timed runs of each search")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument(
        "--reset", action="store_true", help="drop the scratch database and fill it again"
    )
    return parser.parse_args()


def prepare_database(url, reset):
    """Create the scratch database if it is missing (dropping it first with ``reset``)."""
    server, name = url.rsplit("/", 1)
    # Not "with connect()": that would open a transaction, where CREATE DATABASE cannot run.
    admin = psycopg2.connect(f"{server}/postgres")
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            if reset:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if not cursor.fetchone():
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        admin.close()


def setup_django(url):
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="migration_portal.settings.dev",
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="testserver",
        # Every search measured as if asked for the first time: no page is kept, but the parts
        # every page shares (navigation, footer) are, as on a site that visitors are using.
        PAGE_CACHE_SECONDS="0",
        KEEP_DERIVED_CONTENT="true",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()


def fill(releases):
    from django.core.management import call_command
    from django.db import connection

    from news.models import Article

    call_command("migrate", verbosity=0)
    present = Article.objects.count()
    if present == 0:
        print(f"Generating {releases} releases in three languages (a few minutes)...")
        started = time.perf_counter()
        call_command("generate_releases", str(releases), verbosity=0)
        print(f"  done in {time.perf_counter() - started:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    elif present != releases:
        sys.exit(f"The scratch database holds {present} releases; run with --reset to refill it.")
    return Article.objects.count()


def timed(client, url, params):
    """Return (milliseconds, of which in SQL, queries, status) of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url, params)
        elapsed = (time.perf_counter() - started) * 1000
    sql = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    return elapsed, sql, len(queries), response.status_code


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(label, client, url, params, repeat):
    timed(client, url, params)  # the first request warms caches; it is not counted
    runs = [timed(client, url, params) for _ in range(repeat)]
    times = [ms for ms, _sql, _queries, _status in runs]
    sql = statistics.median(sql for _ms, sql, _queries, _status in runs)
    _ms, _sql, queries, status = runs[-1]
    median, p95 = statistics.median(times), percentile(times, 0.95)
    print(f"  {label:32} {median:7.1f} {p95:7.1f} {sql:7.1f}   {queries:2} queries  HTTP {status}")
    return times


def summary(name, times, goal_median, goal_p95):
    median, p95 = statistics.median(times), percentile(times, 0.95)
    verdict = "met" if median < goal_median and p95 < goal_p95 else "NOT met"
    print(
        f"  {name}: median {median:.1f} ms, 95th percentile {p95:.1f} ms "
        f"(goal < {goal_median} / < {goal_p95} ms: {verdict})"
    )


def explain(language, words):
    """Print PostgreSQL's plan of the searches for ``words``, as the page runs them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils.translation import override

    from news.models import Article
    from news.search.query import SearchQuery
    from news.search.results import Search

    with override(language), CaptureQueriesContext(connection) as queries:
        Search(Article.objects.visible(language), language, SearchQuery.parse(words), end=20)
    for query in queries.captured_queries:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            print("\n".join("    " + row[0] for row in cursor.fetchall()))


def main():
    args = parse_args()
    prepare_database(args.database_url, args.reset)
    setup_django(args.database_url)
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils.translation import override

    releases = fill(args.releases)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"\n{releases} releases; load average {load}; {args.repeat} timed runs each.\n")

    print(f"  {'site search':32} {'median':>7} {'p95':>7} {'SQL':>7}   (ms; SQL: its median)")
    client, every = Client(), []
    # What any public page costs here, without a search: the yardstick for the rest.
    with override("az"):
        measure("(the list page, for comparison)", client, reverse("news:list"), {}, args.repeat)
    for label, language, params in SEARCHES:
        with override(language):
            url = reverse("news:search")
        every += measure(label, client, url, params, args.repeat)
    print()
    summary("site search, all the above", every, 50, 150)

    print(f"\n  {'newsroom search (superuser)':32} {'median':>7} {'p95':>7} {'SQL':>7}")
    user, _created = get_user_model().objects.get_or_create(
        username="search-bench", defaults={"is_staff": True, "is_superuser": True}
    )
    staff = Client()
    staff.force_login(user)
    url = reverse("admin:news_article_changelist")
    measure("(the list, no search)", staff, url, {}, args.repeat)
    newsroom = []
    for words in NEWSROOM_SEARCHES:
        newsroom += measure(repr(words), staff, url, {"q": words}, args.repeat)
    print()
    summary("newsroom search", newsroom, 300, 300)

    for label, language, words in EXPLAINED:
        print(f"\nPlans of the search for a {label}, {words!r} ({language}):")
        explain(language, words)


if __name__ == "__main__":
    main()
