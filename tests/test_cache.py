"""The shared cache going away degrades to misses with a note in the log, never to a 500."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from migration_portal.bursts import Burst
from news.presence import note_opened
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_log(caplog):
    """Capture the cache's log lines, starting a fresh burst."""
    for log_filter in logging.getLogger("migration_portal.cache").filters:
        log_filter.burst = Burst()
    caplog.set_level(logging.ERROR, logger="migration_portal.cache")
    return caplog


def test_public_pages_are_served_without_the_cache(client, cache_down, cache_log):
    article = ArticleFactory()
    for url in ("/az/", "/en/news/", article.get_absolute_url("ru"), "/healthz"):
        assert client.get(url).status_code == 200


def test_the_editing_warning_is_left_out_with_one_line_in_the_log(
    admin_client, django_user_model, cache_down, cache_log
):
    article = ArticleFactory()
    other = django_user_model.objects.create_superuser("rashad", "r@example.org", "x")
    other_client = Client()
    other_client.force_login(other)
    url = reverse("admin:news_article_change", args=[article.pk])

    assert other_client.get(url).status_code == 200
    response = admin_client.get(url)

    assert response.status_code == 200
    assert "may be editing it" not in response.content.decode()
    notes = [record.getMessage() for record in cache_log.records]
    assert len(notes) == 1
    assert notes[0].startswith("The shared cache cannot be reached")
    assert "Connection" in notes[0]


def test_with_the_cache_up_the_other_editor_is_named(django_user_model):
    first = django_user_model.objects.create_user("leyla", first_name="Leyla")
    second = django_user_model.objects.create_user("rashad")

    note_opened(41, first)

    assert [name for name, _opened in note_opened(41, second)] == ["Leyla"]
