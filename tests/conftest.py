import pytest
from django.utils import translation

from news.models import Category
from tests.factories import ArticleFactory


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
