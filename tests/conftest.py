import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from news.models import Category
from tests.factories import ArticleFactory
from tests.newsroom import NOW, staff


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
