"""Faults under load: PostgreSQL's connections killed or cut, Redis cut, the app left running.

gunicorn (2 workers, production settings) reaches PostgreSQL and Redis through loopback TCP
proxies these tests cut and restore; the services themselves are never touched.
"""

import threading
import time
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import ArticleFactory
from tests.servers import (
    TEST_REDIS_URL,
    Gunicorn,
    TcpProxy,
    database_url_for_servers,
    production_environment,
    request,
)

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.filterwarnings("ignore"),
]
VISITOR = {"Host": "news.example.org", "X-Forwarded-Proto": "https"}
APPLICATION = "portal-fault-tests"


@pytest.fixture(scope="module")
def proxies():
    database = settings.DATABASES["default"]
    redis = urlsplit(TEST_REDIS_URL)
    postgres = TcpProxy(int(database["PORT"] or 5432), database["HOST"] or "127.0.0.1")
    cache = TcpProxy(redis.port or 6379, redis.hostname)
    yield postgres, cache
    postgres.close()
    cache.close()


@pytest.fixture(scope="module")
def app(production_site, proxies, tmp_path_factory, django_db_setup, django_db_blocker):
    postgres, cache = proxies
    environment = production_environment(
        DATABASE_URL=database_url_for_servers(
            "127.0.0.1", postgres.port, application_name=APPLICATION
        ),
        CACHE_URL=(
            f"redis://127.0.0.1:{cache.port}{urlsplit(TEST_REDIS_URL).path}"
            f"?KEY_PREFIX={APPLICATION}"
        ),
        STATIC_ROOT=str(production_site.static_root),
        DATABASE_CONNECT_TIMEOUT="2",
        # Every request must need the database here: kept pages would answer through an
        # outage (tests/test_production.py shows they do).
        PAGE_CACHE_SECONDS="0",
        KEEP_DERIVED_CONTENT="false",
    )
    log = tmp_path_factory.mktemp("faults") / "gunicorn.log"
    with Gunicorn(environment, log, workers=2) as server:
        yield server


def terminate_app_backends():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = %s",
            [APPLICATION],
        )
        return cursor.fetchone()[0]


class Load:
    """A few visitors asking for pages without pause, each answer noted with its time."""

    def __init__(self, server, paths, visitors=4):
        self.server, self.paths, self.visitors = server, paths, visitors
        self.answers = []
        self.stopping = threading.Event()

    def visit(self, offset):
        index = offset
        while not self.stopping.is_set():
            path = self.paths[index % len(self.paths)]
            index += 1
            try:
                status = self.server.get(path, headers=VISITOR, timeout=15).status
            except OSError as error:
                status = type(error).__name__
            self.answers.append((time.monotonic(), status))

    def __enter__(self):
        self.threads = [
            threading.Thread(target=self.visit, args=(n,), daemon=True)
            for n in range(self.visitors)
        ]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=30)

    def statuses(self, since=0.0, until=float("inf")):
        return Counter(status for moment, status in self.answers if since <= moment < until)


def public_paths():
    article = ArticleFactory(title_en="Under load")
    return [
        "/en/",
        "/az/news/",
        article.get_absolute_url("en"),
        article.category.get_absolute_url("ru"),
    ]


def test_killed_postgresql_connections_give_503s_at_worst_and_the_site_recovers(app):
    paths = public_paths()
    with Load(app, paths) as load:
        time.sleep(1)
        killed = terminate_app_backends()
        time.sleep(1)
        killed += terminate_app_backends()
        recovered_from = time.monotonic() + 0.5
        time.sleep(2)

    print(f"\nkilled {killed} connections under load: {dict(load.statuses())}")
    assert killed >= 2  # each worker held a persistent connection, and lost it
    assert set(load.statuses()) <= {200, 503}, load.statuses()
    assert load.statuses(since=recovered_from)[200] > 10
    assert "Traceback" not in app.log_text()


def test_postgresql_out_of_reach_gives_503s_until_it_is_back(app, proxies):
    postgres, _cache = proxies
    paths = public_paths()
    before = len(app.log_text())
    with Load(app, paths) as load:
        time.sleep(1)
        postgres.cut()
        cut_at = time.monotonic()
        time.sleep(2)
        postgres.restore()
        restored_at = time.monotonic()
        time.sleep(2)

    during = load.statuses(since=cut_at + 0.5, until=restored_at)
    after = load.statuses(since=restored_at + 1)
    print(f"\nPostgreSQL cut for 2 s: {dict(during)}; 1 s after it is back: {dict(after)}")
    assert set(load.statuses()) <= {200, 503}, load.statuses()
    assert during[503] > 10, during
    assert during[200] == 0, during
    assert after[200] > 10, after
    assert after[503] == 0, after
    assert app.get("/healthz").status == 200
    log = app.log_text()
    assert "Traceback" not in log
    # Once per worker and burst (which may have begun in the test before), not once for each
    # of the many refused requests.
    assert log.count("The database cannot be reached") >= 1
    assert log[before:].count("The database cannot be reached") <= 2


def test_redis_out_of_reach_leaves_pages_served_with_a_note_in_the_log(app, proxies):
    _postgres, cache = proxies
    paths = public_paths()
    before = len(app.log_text())
    cache.cut()
    try:
        with Load(app, paths) as load:
            time.sleep(2)
        health = request(app.port, "/healthz")
    finally:
        cache.restore()

    print(f"\nRedis cut for 2 s: {dict(load.statuses())}")
    assert set(load.statuses()) == {200}, load.statuses()
    assert health.status == 200
    assert '"cache": "unavailable"' in health.text()
    log = app.log_text()[before:]
    assert 1 <= log.count("The shared cache cannot be reached") <= 2
    assert "Traceback" not in log
