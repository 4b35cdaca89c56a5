"""generate_releases: plausible archives for benchmarks, never in production by accident."""

import json

import pytest
from django.core.management import CommandError, call_command

from news.models import Article, Translation

pytestmark = pytest.mark.django_db


def test_makes_releases_in_three_languages_that_visitors_can_read(client):
    call_command("generate_releases", "60", verbosity=0)

    assert Article.objects.count() == 60
    visible = {code: Article.objects.visible(code).count() for code in ("az", "en", "ru")}
    # Every release has Azerbaijani; a few lack English, more lack Russian, as archives do.
    assert visible["az"] > visible["en"] >= visible["ru"] > 0
    article = Article.objects.visible("ru").first()
    assert article.slug_az
    assert article.body_az.startswith("<p>")
    assert client.get(article.get_absolute_url("ru")).status_code == 200
    # Translations are recorded as made from the original, so none is outdated.
    assert not Article.objects.needing_translation("en").filter(available_en=True).exists()
    assert Translation.objects.filter(article=article, language="ru").exists()


def test_the_same_seed_gives_the_same_releases_and_legacy_ids_continue(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    call_command("generate_releases", "5", output=str(first), verbosity=0)
    call_command("generate_releases", "5", output=str(second), verbosity=0)
    assert first.read_text() == second.read_text()

    call_command("generate_releases", "3", verbosity=0)
    call_command("generate_releases", "3", verbosity=0)
    legacy_ids = sorted(Article.objects.values_list("legacy_id", flat=True))
    assert legacy_ids == list(range(legacy_ids[0], legacy_ids[0] + 6))


def test_a_file_written_for_the_import_imports(tmp_path):
    path = tmp_path / "archive.jsonl"
    call_command("generate_releases", "12", output=str(path), verbosity=0)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) == 12
    assert {"legacy_id", "category", "published_at", "status", "title"} <= set(records[0])

    call_command("import_articles", str(path), verbosity=0)
    assert Article.objects.count() == 12


def test_dry_run_writes_nothing(tmp_path):
    call_command("generate_releases", "10", dry_run=True, verbosity=0)
    call_command("generate_releases", "10", dry_run=True, output=str(tmp_path / "x"), verbosity=0)

    assert not Article.objects.exists()
    assert not (tmp_path / "x").exists()


def test_production_settings_refuse_unless_the_database_is_declared_scratch(settings):
    settings.SETTINGS_MODULE = "migration_portal.settings.production"
    with pytest.raises(CommandError, match="--scratch-database"):
        call_command("generate_releases", "5", verbosity=0)
    assert not Article.objects.exists()

    call_command("generate_releases", "5", scratch_database=True, verbosity=0)
    assert Article.objects.count() == 5


@pytest.mark.parametrize("count", ["0", "-3"])
def test_a_count_below_one_is_refused(count):
    with pytest.raises(CommandError, match="1 or more"):
        call_command("generate_releases", count, verbosity=0)


def test_an_unwritable_output_is_refused(tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        call_command("generate_releases", "2", output=str(tmp_path / "no" / "such.jsonl"))
