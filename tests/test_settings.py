"""Settings come from the environment; production refuses to start on unsafe defaults."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.filterwarnings("ignore")


def load_settings(module, **environment):
    """Import a settings module in a fresh interpreter; return (exit code, stderr)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    env.pop("CACHE_URL", None)
    env.update(environment)
    result = subprocess.run(
        [sys.executable, "-c", f"import {module} as s; print(s.DATABASES['default']['ENGINE'])"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout.strip(), result.stderr


def test_development_needs_no_variable_and_uses_sqlite():
    code, engine, _ = load_settings("migration_portal.settings.dev")
    assert code == 0
    assert engine == "django.db.backends.sqlite3"


def test_database_url_selects_postgresql():
    code, engine, _ = load_settings(
        "migration_portal.settings.dev", DATABASE_URL="postgres://u:p@db.internal:5432/portal"
    )
    assert code == 0
    assert engine == "django.db.backends.postgresql"


def test_production_refuses_to_start_without_a_secret_key():
    code, _, error = load_settings(
        "migration_portal.settings.production",
        DATABASE_URL="postgres://u:p@db.internal:5432/portal",
        DJANGO_ALLOWED_HOSTS="news.example.org",
    )
    assert code != 0
    assert "DJANGO_SECRET_KEY" in error


def test_production_refuses_to_start_without_a_database():
    code, _, error = load_settings(
        "migration_portal.settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="news.example.org",
    )
    assert code != 0
    assert "DATABASE_URL" in error


PRODUCTION = {
    "DJANGO_SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgres://u:p@db.internal:5432/portal",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def test_production_refuses_to_start_without_a_shared_cache():
    code, _, error = load_settings("migration_portal.settings.production", **PRODUCTION)
    assert code != 0
    assert "CACHE_URL" in error


@pytest.mark.parametrize(
    "cache_url", ["locmemcache://", "dummycache://", "filecache:///tmp/portal-cache"]
)
def test_production_refuses_a_cache_other_app_servers_cannot_see(cache_url):
    code, _, error = load_settings(
        "migration_portal.settings.production", CACHE_URL=cache_url, **PRODUCTION
    )
    assert code != 0
    assert "not shared between app servers" in error


def test_production_starts_with_a_secret_a_database_and_redis():
    code, engine, error = load_settings(
        "migration_portal.settings.production",
        CACHE_URL="redis://cache.internal:6379/0",
        **PRODUCTION,
    )
    assert code == 0, error
    assert engine == "django.db.backends.postgresql"


def test_time_zone_defaults_to_baku():
    assert settings.TIME_ZONE == "Asia/Baku"


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        ("img/agency-mark.svg", []),
        ("https://cdn.example.org/emblem.svg", ["news.E001"]),
        ("//cdn.example.org/emblem.svg", ["news.E001"]),
        ("img/no-such-emblem.svg", ["news.E002"]),
    ],
)
def test_the_agency_mark_must_be_a_static_file_of_our_own(settings, mark, expected):
    from news.checks import agency_mark_is_our_own_file

    settings.AGENCY_MARK = mark
    assert [error.id for error in agency_mark_is_our_own_file()] == expected
