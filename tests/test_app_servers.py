"""Two app servers on one PostgreSQL and one Redis, as production runs them behind its load
balancer: what an editor does through one, a visitor of the other sees at once, and editors on
different servers still hear of each other."""

import http.client
import re
import time
import uuid
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
import redis
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from news.models import Article
from tests.factories import ArticleFactory
from tests.newsroom import _FormFields
from tests.servers import (
    TEST_REDIS_URL,
    Gunicorn,
    Response,
    database_url_for_servers,
    production_environment,
    request,
)

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOST = "news.example.org"
SECURE = {"Host": HOST, "X-Forwarded-Proto": "https"}


PREFIX = f"servers-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def app_servers(production_site, tmp_path_factory, django_db_setup):
    """Two gunicorn servers sharing the tests' PostgreSQL database and one Redis."""
    tmp_path = tmp_path_factory.mktemp("app-servers")
    environment = production_environment(
        DATABASE_URL=database_url_for_servers(),
        CACHE_URL=f"{TEST_REDIS_URL}?KEY_PREFIX={PREFIX}",
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_2FA_FOR_PUBLISHERS="false",
        # The editors' sessions are made here, signed with this process's key.
        DJANGO_SECRET_KEY=settings.SECRET_KEY,
        STATIC_ROOT=str(production_site.static_root),
    )
    first = Gunicorn(environment, tmp_path / "first.log").start()
    try:
        second = Gunicorn(environment, tmp_path / "second.log").start()
    except Exception:
        first.stop()
        raise
    yield first, second
    first.stop()
    second.stop()


@pytest.fixture
def servers(app_servers):
    """The two app servers, with nothing kept from an earlier test in their shared cache."""
    shared = redis.Redis.from_url(TEST_REDIS_URL)
    for key in shared.scan_iter(f"{PREFIX}:*"):
        shared.delete(key)
    return app_servers


class Editor:
    """A signed-in member of staff, talking to whichever app server they are sent to."""

    def __init__(self, user):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        # The admin in English, as the messages below are read.
        self.cookies = {
            settings.SESSION_COOKIE_NAME: session.session_key,
            settings.LANGUAGE_COOKIE_NAME: "en",
        }

    def send(self, server, path, method="GET", fields=None):
        headers = {
            **SECURE,
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
        }
        body = None
        if fields is not None:
            headers.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": f"https://{HOST}",
                    "Referer": f"https://{HOST}{path}",
                }
            )
            body = urlencode(fields, doseq=True)
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            # Each cookie comes in a Set-Cookie header of its own.
            for value in answer.msg.get_all("Set-Cookie") or []:
                cookie = SimpleCookie(value)
                self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
            return Response(answer.status, dict(answer.getheaders()), answer.read())
        finally:
            connection.close()

    def open(self, server, article):
        """Open the release's change form on ``server``; return the fields it would post."""
        response = self.send(server, f"/admin/news/article/{article.pk}/change/")
        assert response.status == 200, response.text()[:500]
        parser = _FormFields("article_form")
        parser.feed(response.text())
        return response, parser.data

    def save(self, server, article, fields, **changes):
        return self.send(
            server,
            f"/admin/news/article/{article.pk}/change/",
            method="POST",
            fields={**fields, **changes, "_continue": "1"},
        )


def visitor(server, path):
    return request(server.port, path, headers=SECURE)


@pytest.fixture
def publisher(django_user_model):
    user = django_user_model.objects.create_superuser(
        "leyla", "leyla@example.org", "unused", first_name="Leyla", last_name="Məmmədova"
    )
    return Editor(user)


@pytest.fixture
def other_publisher(django_user_model):
    user = django_user_model.objects.create_superuser(
        "rashad", "rashad@example.org", "unused", first_name="Rəşad", last_name="Əliyev"
    )
    return Editor(user)


def test_a_release_published_through_one_server_is_listed_by_the_other_at_once(servers, publisher):
    first, second = servers
    draft = ArticleFactory(draft=True, title_en="Published through the first server")
    # The second server keeps the list without the draft.
    assert draft.title_en not in visitor(second, "/en/news/").text()

    _response, fields = publisher.open(first, draft)
    saved = publisher.save(first, draft, fields, status="published")
    published_at = time.monotonic()
    assert saved.status == 302, saved.text()[:1000]

    listed = visitor(second, "/en/news/")
    assert draft.title_en in listed.text()
    assert time.monotonic() - published_at < 1
    assert visitor(second, draft.get_absolute_url("en")).status == 200


def test_a_withdrawal_and_an_edit_through_one_server_show_on_the_other(servers, publisher):
    first, second = servers
    article = ArticleFactory(title_en="Edited on the first server")
    page = article.get_absolute_url("en")
    assert visitor(second, page).status == 200

    _response, fields = publisher.open(first, article)
    publisher.save(
        first,
        article,
        fields,
        title_en="Corrected on the first server",
        change_kind="major",
        change_note="Title corrected.",
    )
    assert "Corrected on the first server" in visitor(second, "/en/news/").text()

    _response, fields = publisher.open(first, article)
    publisher.save(
        first, article, fields, status="withdrawn", withdrawal_reason_az="Səhvən dərc edilib."
    )
    assert "Corrected on the first server" not in visitor(second, "/en/news/").text()
    withdrawn = visitor(second, Article.objects.get(pk=article.pk).get_absolute_url("en"))
    assert "Səhvən dərc edilib." in withdrawn.text()


def test_a_stale_form_is_refused_whichever_server_the_other_editor_used(
    servers, publisher, other_publisher
):
    first, second = servers
    article = ArticleFactory(title_en="Two editors")
    _response, stale = publisher.open(first, article)
    _response, fresh = other_publisher.open(second, article)
    saved = other_publisher.save(
        second, article, fresh, title_en="Saved first", change_kind="minor", change_note=""
    )
    assert saved.status == 302

    refused = publisher.save(
        first, article, stale, title_en="Saved second", change_kind="minor", change_note=""
    )

    assert refused.status == 200
    assert "Rəşad Əliyev saved this release" in refused.text()
    assert Article.objects.get(pk=article.pk).title_en == "Saved first"


def test_an_editor_is_warned_of_one_who_opened_the_release_on_the_other_server(
    servers, publisher, other_publisher
):
    first, second = servers
    article = ArticleFactory()
    publisher.open(first, article)

    response, _fields = other_publisher.open(second, article)

    assert re.search(r"Leyla Məmmədova opened this release at \d\d:\d\d", response.text())
