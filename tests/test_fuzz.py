"""Property-based tests: whatever a visitor sends to a public address, the answer is never a 5xx.

The suite runs a small number of cases; ``make fuzz`` runs 10,000 (FUZZ_EXAMPLES).
"""

import os
from urllib.parse import quote, unquote_to_bytes, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ArticleFactory

# Committed data, no transaction around the test: each request then runs as on a real server,
# in its own transaction or in none, and a refused one cannot spoil the next.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 150))

# Text a visitor or a bot might put anywhere: any character, control characters included.
any_text = st.text(max_size=40)
ids = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["1", "2", "007", "0", "1e3", "٣", "2020", "12", "13", "00", "9999"]),
    any_text,
)
slugs = st.one_of(
    st.sampled_from(["news", "announcements", "xeber", "-", "a" * 300, "releases", "pages"]),
    any_text,
)
languages = st.one_of(st.sampled_from(["az", "en", "ru", "de", "AZ", ""]), any_text)


@st.composite
def paths(draw):
    """Return a path shaped like one of the site's URL patterns, its parts drawn at random."""
    language = quote(draw(languages), safe="")
    segment = lambda values: quote(draw(values), safe="")  # noqa: E731
    pattern = draw(
        st.sampled_from(
            [
                "/{lang}/",
                "/{lang}/news/",
                "/{lang}/news/category/{slug}/",
                "/{lang}/news/{id}/",
                "/{lang}/news/{id}/{slug}/",
                "/{lang}/news/{id}/preview/",
                "/{lang}/news/archive/",
                "/{lang}/news/{id}/{id}/",
                "/{lang}/feed/atom/",
                "/{lang}/feed/rss/",
                "/{lang}/news/category/{slug}/feed/atom/",
                "/{lang}/news_detail/{id}",
                "/{lang}/press_detail/{id}/",
                "/index.php/{lang}/news_detail/{id}",
                "/sitemap.xml",
                "/api/v1/releases/",
                "/api/v1/releases/{id}/",
                "/api/v1/schema/",
                "/sitemap-{slug}.xml",
                "/{lang}/terms/",
                "/{lang}/privacy/",
                "/",
                "/healthz",
                "/robots.txt",
                "/admin/login/",
                "/i18n/setlang/",
                "//{slug}/{lang}/news/",
                "/{slug}",
            ]
        )
    )
    return pattern.format(lang=language, slug=segment(slugs), id=segment(ids))


queries = st.dictionaries(
    st.one_of(
        st.sampled_from(
            [
                "page",
                "next",
                "language",
                "q",
                "p",
                "page_size",
                "category",
                "ordering",
                "published_after",
                "changed_since",
                "format",
            ]
        ),
        any_text,
    ),
    st.one_of(st.integers(min_value=-(2**70), max_value=2**70).map(str), any_text),
    max_size=3,
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": st.one_of(
            st.sampled_from(["en-GB,en;q=0.9", "ru;q=x", "*", "az-Latn-AZ"]), any_text
        ),
        "HTTP_HOST": st.one_of(
            st.sampled_from(["testserver", "localhost:8000", "127.0.0.1", "[::1]", "évil"]),
            any_text,
        ),
        "HTTP_COOKIE": st.one_of(st.just("django_language=ru"), any_text),
        "HTTP_X_FORWARDED_FOR": any_text,
    },
)
methods = st.sampled_from(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])


@pytest.fixture
def releases(db):
    ArticleFactory()
    ArticleFactory(without_russian=True)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(method=methods, path=paths(), query=queries, extra=headers)
def test_no_request_to_a_public_address_gets_a_server_error(
    client, releases, method, path, query, extra
):
    # Header values travel as latin-1 over HTTP; anything else could not reach the server.
    extra = {name: value.encode("utf-8").decode("latin-1") for name, value in extra.items()}
    query_string = urlencode(query)

    # The path as a WSGI server hands it over: percent-decoded bytes, read as latin-1. (The
    # test client would take "//host/…" for a host, so the path is given as it arrives.)
    response = client.generic(
        method,
        "/",
        PATH_INFO=unquote_to_bytes(path).decode("latin-1"),
        QUERY_STRING=query_string,
        **extra,
    )

    assert response.status_code < 500, (method, path, query_string, extra)
