import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from news.images.storage import file_storage
from news.models import Category
from tests.factories import ArticleFactory
from tests.newsroom import NOW, staff
from tests.servers import TEST_REDIS_URL, Gunicorn, manage, production_environment


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgresql: needs the suite to run on PostgreSQL (DATABASE_URL=postgres://…)"
    )
    config.addinivalue_line(
        "markers", "sqlite_pass: the same on every database, so checked in the SQLite pass only"
    )


def pytest_collection_modifyitems(config, items):
    """Leave PostgreSQL's tests to the PostgreSQL run, and the browser gates to the SQLite run.

    CI runs the suite on both databases: there, each run leaves out the other's tests, and
    says how many; on a developer's machine without PostgreSQL they are skipped with the reason.
    """
    if connection.vendor == "postgresql":
        once = [item for item in items if item.get_closest_marker("sqlite_pass")]
        if once:
            config.hook.pytest_deselected(items=once)
            items[:] = [item for item in items if item not in once]
        return
    needing = [item for item in items if item.get_closest_marker("postgresql")]
    if not needing:
        return
    if settings.CI:
        config.hook.pytest_deselected(items=needing)
        items[:] = [item for item in items if item not in needing]
        return
    reason = "needs PostgreSQL: run the suite with DATABASE_URL=postgres://…"
    for item in needing:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in the site's default language, as a fresh request would."""
    with translation.override("az"):
        yield


@pytest.fixture
def article_factory(db):
    return ArticleFactory


@pytest.fixture
def news_category(db):
    return Category.objects.get(key="news")


@pytest.fixture
def announcements(db):
    return Category.objects.get(key="announcements")


@pytest.fixture
def storage(settings):
    """A storage of this test's own, empty: what it holds afterwards is what the test left."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    return file_storage()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed, so that what waits for commit runs."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


@pytest.fixture
def cache_down(settings):
    """Point the cache at a Redis address where nothing listens, as production configures it."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Nothing listens on port 1 of the loopback: every command fails at once.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """The site as deployed: migrated, static files collected, served by gunicorn (SQLite)."""
    folder = tmp_path_factory.mktemp("production")
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        # A prefix of this run's own: pages another run kept must not answer for this one.
        CACHE_URL=f"{TEST_REDIS_URL}?KEY_PREFIX={folder.name}",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
    )
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["load_demo"]):
        done = manage(*command, environment=environment)
        assert done.returncode == 0, done.stderr
    with Gunicorn(environment, folder / "gunicorn.log") as server:
        server.static_root = folder / "static"
        yield server


@pytest.fixture
def empty_cache():
    """Who has which release open lives in the cache; no test may see another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return time_machine


# The newsroom's roles, each with a client logged in to the admin in English.


@pytest.fixture
def author(django_user_model):
    return staff(django_user_model, "aynur", "Authors", "Aynur", "Quliyeva")


@pytest.fixture
def publisher(django_user_model):
    return staff(django_user_model, "leyla", "Publishers", "Leyla", "Məmmədova")


@pytest.fixture
def other_publisher(django_user_model):
    return staff(django_user_model, "rashad", "Publishers", "Rəşad", "Əliyev")


@pytest.fixture
def translator(django_user_model):
    return staff(django_user_model, "john", "Translators: English", "John", "Smith")


@pytest.fixture
def superuser(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return admin_client
