"""The site as deployed: production settings, collected static files, gunicorn, WhiteNoise."""

import re

import pytest

from tests.servers import (
    TEST_REDIS_URL,
    Gunicorn,
    free_port,
    manage,
    production_environment,
    request,
)

pytestmark = pytest.mark.filterwarnings("ignore")
VISITOR = {"Host": "news.example.org", "X-Forwarded-Proto": "https"}


def test_collectstatic_gathers_the_admins_jquery_ui_with_a_hashed_name(production_site):
    manifest = (production_site.static_root / "staticfiles.json").read_text()
    assert re.search(
        r'"jquery-ui/jquery-ui\.min\.js": "jquery-ui/jquery-ui\.min\.\w+\.js"', manifest
    )
    # Only the file the admin's language tabs use, not the package's themes.
    assert not list(production_site.static_root.glob("jquery-ui/themes"))


def test_a_page_and_its_hashed_stylesheet_are_served_from_the_collected_files(production_site):
    page = production_site.get("/az/", headers=VISITOR)
    assert page.status == 200
    stylesheet = re.search(r'href="(/static/css/site\.\w{12}\.css)"', page.text()).group(1)

    plain = production_site.get(stylesheet, headers=VISITOR)
    compressed = production_site.get(stylesheet, headers={**VISITOR, "Accept-Encoding": "gzip"})

    assert plain.status == 200
    assert plain.headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert len(compressed.body) < len(plain.body)


def test_a_file_not_collected_is_not_found(production_site):
    assert (
        production_site.get("/static/jquery-ui/jquery-ui.theme.css", headers=VISITOR).status == 404
    )


def test_plain_http_is_redirected_to_https(production_site):
    response = production_site.get("/az/news/", headers={"Host": "news.example.org"})
    assert response.status == 301
    assert response.headers["Location"] == "https://news.example.org/az/news/"


def test_health_answers_a_probe_by_address_over_plain_http(production_site):
    # A load balancer probes the server's own address: neither an allowed host nor HTTPS.
    response = production_site.get("/healthz", headers={"Host": "10.20.30.40:8000"})
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.text() == '{"status": "ok", "database": "ok", "cache": "ok"}'


def test_security_headers_on_a_public_page(production_site):
    headers = production_site.get("/en/", headers=VISITOR).headers
    policy = dict(
        part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";")
    )

    assert policy["script-src"] == "'self'"  # public pages carry no per-request nonce
    assert policy["frame-ancestors"] == "'none'"
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in headers


def test_check_deploy_finds_nothing_to_warn_about():
    environment = production_environment(
        DATABASE_URL="postgres://portal@db.internal:5432/portal",
        CACHE_URL="redis://cache.internal:6379/0",
    )
    done = manage("check", "--deploy", "--fail-level", "WARNING", environment=environment)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_the_language_cookie_is_secure_and_same_site(production_site):
    sign_in = production_site.get("/admin/login/", headers=VISITOR)
    csrf_cookie = sign_in.headers["Set-Cookie"].split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', sign_in.text()).group(1)

    switched = production_site.get(
        "/i18n/setlang/",
        method="POST",
        body=f"language=ru&next=/admin/&csrfmiddlewaretoken={token}",
        headers={
            **VISITOR,
            "Cookie": csrf_cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": "https://news.example.org/admin/login/",
            "Origin": "https://news.example.org",
        },
    )

    assert switched.status == 302
    cookie = [part.strip() for part in switched.headers["Set-Cookie"].split(";")]
    assert cookie[0] == "django_language=ru"
    assert {"Secure", "HttpOnly", "SameSite=Lax"} <= set(cookie)


@pytest.fixture(scope="module")
def database_down(production_site, tmp_path_factory):
    """An app server whose database is unreachable: nothing listens on its port.

    It has a cache of its own, so that no page the working site kept answers for it.
    """
    folder = tmp_path_factory.mktemp("database-down")
    environment = {
        **production_site.environment,
        "DATABASE_URL": f"postgres://portal@127.0.0.1:{free_port(from_top=True)}/portal",
        "CACHE_URL": f"{TEST_REDIS_URL}?KEY_PREFIX={folder.name}",
    }
    with Gunicorn(environment, folder / "gunicorn.log") as server:
        yield server


def test_health_says_unavailable_when_the_database_is_down(database_down):
    response = database_down.get("/healthz", headers={"Host": "10.20.30.40"})
    assert response.status == 503
    assert response.text() == '{"status": "unavailable", "database": "unavailable", "cache": "ok"}'


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/az/", "Sayt müvəqqəti olaraq əlçatan deyil"),
        ("/en/news/", "The site is temporarily unavailable"),
        ("/ru/news/category/news/", "Сайт временно недоступен"),
    ],
)
def test_visitors_get_a_503_in_their_language_while_the_database_is_down(
    database_down, path, heading
):
    response = database_down.get(path, headers=VISITOR)

    assert response.status == 503
    assert response.headers["Retry-After"] == "30"
    assert heading in response.text()
    assert "Traceback" not in response.text()


def test_the_outage_is_logged_once_per_burst_not_once_per_request(database_down):
    before = len(database_down.log_text())
    for _ in range(20):
        assert database_down.get("/en/", headers=VISITOR).status == 503

    log = database_down.log_text()
    # One line when the outage began (here or in an earlier test), then one per quiet minute.
    assert log.count("The database cannot be reached") >= 1
    assert log[before:].count("The database cannot be reached") <= 1
    assert "Traceback" not in log


def test_pages_kept_while_the_database_answered_are_still_served_when_it_is_down(
    production_site, tmp_path
):
    page = production_site.get("/en/news/", headers=VISITOR)
    assert page.status == 200
    release = re.search(r'href="(/en/news/\d+/[^"]+/)"', page.text()).group(1)
    # Another app server on the same shared cache, whose database has gone away.
    environment = {
        **production_site.environment,
        "DATABASE_URL": f"postgres://portal@127.0.0.1:{free_port(from_top=True)}/portal",
    }
    with Gunicorn(environment, tmp_path / "gunicorn.log") as server:
        kept = server.get("/en/news/", headers=VISITOR)
        # A page nobody asked for yet needs the database.
        missing = server.get(release, headers=VISITOR)
    assert kept.status == 200
    assert kept.body == page.body
    assert missing.status == 503


def test_static_files_are_still_served_while_the_database_is_down(production_site, database_down):
    page = production_site.get("/en/", headers=VISITOR).text()
    stylesheet = re.search(r'href="(/static/css/site\.\w{12}\.css)"', page).group(1)
    assert database_down.get(stylesheet, headers=VISITOR).status == 200


def test_two_app_servers_start_side_by_side_on_one_machine(production_site, tmp_path):
    sockets = [tmp_path / "first.ctl", tmp_path / "second.ctl"]
    servers = [
        Gunicorn(
            {**production_site.environment, "GUNICORN_CONTROL_SOCKET": str(path)},
            tmp_path / f"{path.stem}.log",
        )
        for path in sockets
    ]
    with servers[0], servers[1]:
        assert all(request(s.port, "/healthz").status == 200 for s in servers)
        assert all(path.is_socket() for path in sockets)
