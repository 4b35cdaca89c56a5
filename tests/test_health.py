"""The health check, the outage page and how an outage is logged."""

import logging

import pytest
from django.db import OperationalError
from django.test import RequestFactory, override_settings

from migration_portal.bursts import Burst, OncePerBurstFilter
from migration_portal.outage import unavailable

pytestmark = pytest.mark.django_db


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["news.example.org"])
def test_health_is_answered_over_http_to_any_host(client):
    response = client.get("/healthz", HTTP_HOST="10.20.30.40:8000")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_health_answers_head_and_refuses_other_methods(client):
    assert client.head("/healthz").status_code == 200
    refused = client.post("/healthz")
    assert refused.status_code == 405
    assert refused["Allow"] == "GET, HEAD"


def test_health_reports_the_cache_down_without_leaving_the_load_balancer(client, cache_down):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}


@pytest.mark.parametrize(
    ("path", "accept_language", "expected"),
    [
        ("/admin/", "ru-RU,ru;q=0.9", "Сайт временно недоступен"),
        ("/admin/", "en-GB", "The site is temporarily unavailable"),
        ("/admin/", "de", "Sayt müvəqqəti olaraq əlçatan deyil"),
        ("/en/news/", "ru", "The site is temporarily unavailable"),
    ],
)
def test_the_outage_page_speaks_the_prefix_else_the_browsers_language(
    path, accept_language, expected
):
    request = RequestFactory().get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
    response = unavailable(request, OperationalError("connection refused"))

    assert response.status_code == 503
    assert expected in response.content.decode()


def test_a_burst_is_reported_once_then_once_per_quiet_period():
    now = [0.0]
    burst = Burst(quiet_seconds=60, clock=lambda: now[0])

    assert burst.admit() == 0
    assert [burst.admit() for _ in range(5)] == [None] * 5
    now[0] = 61
    assert burst.admit() == 5
    assert burst.admit() is None


def test_the_burst_filter_shortens_a_traceback_to_one_line():
    log_filter = OncePerBurstFilter()
    try:
        raise ConnectionError("Connection refused")
    except ConnectionError as error:
        records = [
            logging.LogRecord(
                "cache",
                logging.ERROR,
                __file__,
                1,
                "Exception ignored",
                (),
                (type(error), error, error.__traceback__),
            )
            for _ in range(3)
        ]

    passed = [record for record in records if log_filter.filter(record)]

    assert len(passed) == 1
    assert passed[0].getMessage() == "Exception ignored: ConnectionError('Connection refused')"
    assert passed[0].exc_info is None
