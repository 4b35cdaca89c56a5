"""import_articles at the edges: hostile text, deep nesting, huge fields, dates out of range,
files read a little at a time, standard input, and how many statements an import costs.

Every refusal names the record and the field, writes nothing, and is given by a dry run
exactly as by the import itself.
"""

import io
import json
import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from reversion.models import Version

from news.exchange import reading
from news.limits import BODY_MAX_LENGTH
from news.models import Article, Translation
from tests.factories import ArticleFactory
from tests.files import make_record, refusal, run, write_array, write_lines

pytestmark = pytest.mark.django_db


@pytest.fixture
def existing():
    return ArticleFactory(legacy_id=1, title_en="Old title")


def assert_nothing_written(existing):
    assert Article.objects.count() == 1
    existing.refresh_from_db()
    assert existing.title_en == "Old title"


def good_then(bad):
    return [make_record(1, title={"en": "Changed"}), make_record(2), bad]


def raw_array(tmp_path, records_text):
    """Write an array file from records already written as JSON text."""
    path = tmp_path / "releases.json"
    path.write_text("[\n" + ",\n".join(records_text) + "\n]\n", encoding="utf-8")
    return path


def dumped(record):
    return json.dumps(record, ensure_ascii=False)


BAD_RECORDS = {
    "NUL in a title": (
        make_record(7, title={"az": "Başlıq", "en": "Nul\u0000l"}),
        "title.en: Remove the invisible control character U+0000 at position 4",
    ),
    "bell in a withdrawal reason": (
        make_record(
            7,
            status="withdrawn",
            withdrawn_at="2021-01-05T09:00:00+04:00",
            withdrawal_reason={"az": "Səbəb\u0007"},
        ),
        "withdrawal_reason.az: Remove the invisible control character U+0007 at position 6",
    ),
    "lone surrogate in a summary": (
        make_record(7, summary={"az": "Yarım \ud800 cüt"}),
        "summary.az: Remove the invisible control character U+D800 at position 7",
    ),
    "summary over its limit": (
        make_record(7, summary={"ru": "я" * 2001}),
        "summary.ru: Ensure this value has at most 2000 characters (it has 2001).",
    ),
    "body over its limit once cleaned": (
        make_record(7, body={"en": "<p>" + "&" * BODY_MAX_LENGTH + "</p>"}),
        f"body.en: Ensure this value has at most {BODY_MAX_LENGTH} characters",
    ),
    "withdrawal reason over its limit": (
        make_record(
            7,
            status="withdrawn",
            withdrawn_at="2021-01-05T09:00:00+04:00",
            withdrawal_reason={"az": "x" * 1001},
        ),
        "withdrawal_reason.az: Ensure this value has at most 1000 characters",
    ),
    "release date in the year 1": (
        make_record(7, published_at="0001-01-01T00:00:00"),
        "published_at: Give a date from 1 January 1990 to",
    ),
    "release date in the year 9999, west of UTC": (
        make_record(7, published_at="9999-12-31T23:59:59-14:00"),
        "published_at: Give a date from 1 January 1990 to",
    ),
    "release date before 1990": (
        make_record(7, published_at="1989-12-31T23:59:59+04:00"),
        "published_at: Give a date from 1 January 1990 to",
    ),
    "withdrawal date in the year 1": (
        make_record(7, status="withdrawn", withdrawn_at="0001-01-01T00:00:00"),
        "withdrawn_at: Give a date from 1 January 1990 to",
    ),
    "NUL in a field name": (
        make_record(7, **{"evil\u0000": 1}),
        "evil\\u0000: unknown field",
    ),
}


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry run"])
@pytest.mark.parametrize("case", BAD_RECORDS)
def test_a_bad_record_is_named_with_its_field_and_nothing_is_written(
    tmp_path, existing, case, dry_run
):
    bad, expected = BAD_RECORDS[case]
    # Escaped, as JSON writes what UTF-8 cannot hold.
    path = tmp_path / "releases.json"
    path.write_text(json.dumps(good_then(bad)), encoding="utf-8")

    message = refusal(path, dry_run=dry_run)

    assert "nothing imported, 1 problem(s)" in message
    assert f"record 3 (legacy_id 7): {expected}" in message
    assert "Traceback" not in message
    assert_nothing_written(existing)


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry run"])
def test_deep_nesting_in_an_array_file_is_refused(tmp_path, existing, dry_run):
    deep = '{"legacy_id": 7, "title": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = raw_array(tmp_path, [dumped(make_record(1)), dumped(make_record(2)), deep])

    message = refusal(path, dry_run=dry_run)

    assert "nothing imported" in message
    assert "record 3 at line 4, column 1: nested too deeply" in message
    assert_nothing_written(existing)


@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry run"])
def test_deep_nesting_on_a_json_line_is_refused_and_the_others_still_checked(
    tmp_path, existing, dry_run
):
    deep = '{"legacy_id": 7, "title": ' + "[" * 100_000 + "]" * 100_000 + "}"
    lines = [make_record(1), make_record(2), deep, make_record(8, status="archived")]

    message = refusal(write_lines(tmp_path, lines), dry_run=dry_run)

    assert "2 problem(s)" in message
    assert "record 3 (legacy_id 7), line 3: nested too deeply" in message
    assert "record 4 (legacy_id 8): status: unknown status" in message
    assert_nothing_written(existing)


def test_a_thirty_million_character_summary_is_refused_by_name(tmp_path, existing):
    huge = make_record(7, summary={"az": "x" * 30_000_000})

    message = refusal(write_lines(tmp_path, good_then(huge)))

    assert (
        "record 3 (legacy_id 7): summary.az: Ensure this value has at most 2000 characters "
        "(it has 30000000)."
    ) in message
    assert_nothing_written(existing)


def test_a_record_longer_than_any_file_may_hold_is_refused(tmp_path, existing, monkeypatch):
    monkeypatch.setattr(reading, "MAX_RECORD_LENGTH", 5_000)
    huge = make_record(7, body={"az": "x" * 6_000})

    array = refusal(write_array(tmp_path, good_then(huge)))
    lines = refusal(write_lines(tmp_path, good_then(huge)))

    assert "record 3 (legacy_id 7): longer than 5,000 characters" in array
    assert "record 3 (legacy_id 7), line 3: longer than 5,000 characters" in lines
    assert_nothing_written(existing)


def test_a_dry_run_that_would_create_records_means_the_import_creates_them(tmp_path):
    records = [make_record(n) for n in range(1, 4)]
    path = write_array(tmp_path, records)

    dry, _err = run("import_articles", str(path), dry_run=True)
    real, _err = run("import_articles", str(path))

    assert "would create 3, update 0" in dry
    assert "Created 3, updated 0" in real
    assert Article.objects.count() == 3


# Reading a little at a time


@pytest.fixture
def tiny_reads(monkeypatch):
    """Read the file a few characters at a time, so that every record spans many reads."""
    monkeypatch.setattr(reading, "CHUNK", 7)


def test_a_file_read_a_few_characters_at_a_time_imports_the_same(tmp_path, tiny_reads):
    records = [
        make_record(1, title={"az": "Şəki \\ və \u201cGəncə\u201d", "ru": "Ёлка"}),
        make_record(None),
        make_record(3, published_at="2021-01-26T12:00:00+04:00"),
    ]
    path = tmp_path / "spaced.json"
    path.write_text(
        "\ufeff \n [ " + " ,\n\n ".join(json.dumps(r, indent=4) for r in records) + "\n ]  \n",
        encoding="utf-8",
    )

    out, _err = run("import_articles", str(path))

    assert "Created 3, updated 0, unchanged 0." in out
    assert Article.objects.get(legacy_id=1).title_az == "Şəki \\ və \u201cGəncə\u201d"
    assert Article.objects.filter(legacy_id=None).count() == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[\n  {"legacy_id": 1},\n  {"legacy_id": 2 "x": 1}\n]', "line 3, column 19"),
        ('[\n  {"legacy_id": 1}\n  {"legacy_id": 2}\n]', "line 3, column 3: Expecting ','"),
        ('[{"legacy_id": 1}', "line 1, column 18: Expecting ']'"),
        ('[{"legacy_id": 1}] [', "line 1, column 20: Extra data"),
        ('[{"title": "unterminated', "line 1, column 12: Unterminated string"),
    ],
)
def test_bad_json_is_placed_exactly_however_the_file_is_read(
    tmp_path, existing, tiny_reads, text, expected
):
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")

    message = refusal(path)

    assert f"invalid JSON at {expected}" in message
    assert_nothing_written(existing)


def test_an_empty_array_imports_nothing(tmp_path):
    path = tmp_path / "empty.json"
    path.write_text(" [ ] \n", encoding="utf-8")

    out, _err = run("import_articles", str(path))

    assert "Created 0, updated 0, unchanged 0." in out


def test_standard_input_is_read_twice_like_a_file(monkeypatch, existing):
    text = "\n".join(dumped(make_record(n)) for n in (1, 2, 3)) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))

    out, _err = run("import_articles", "-")

    assert "Created 2, updated 1, unchanged 0." in out
    assert Article.objects.count() == 3


def test_bad_standard_input_writes_nothing(monkeypatch, existing):
    text = dumped(make_record(1, title={"en": "Changed"})) + "\n" + dumped(make_record(2, id=5))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))

    with translation.override("en"):
        message = refusal("-")

    assert "record 2 (legacy_id 2): id: unknown field" in message
    assert_nothing_written(existing)


# What an import costs and keeps


def test_each_imported_release_has_one_revision_saying_so(tmp_path, existing):
    with translation.override("en"):
        run("import_articles", str(write_array(tmp_path, [make_record(1), make_record(2)])))

    for article in Article.objects.all():
        (version,) = Version.objects.get_for_object(article)
        assert version.revision.comment == "Imported from a file."
        assert version.field_dict["title_en"] == article.title_en
        assert version.field_dict["lock_version"] == article.lock_version
    new = Article.objects.get(legacy_id=2)
    assert set(Translation.objects.filter(article=new).values_list("language", flat=True)) == {
        "en",
        "ru",
    }


def test_an_import_spends_a_statement_on_many_records_not_many_on_each(tmp_path):
    path = write_lines(tmp_path, [make_record(n) for n in range(1, 1001)])

    with CaptureQueriesContext(connection) as statements:
        run("import_articles", str(path))

    assert Article.objects.count() == 1000
    # SQLite takes fewer rows per INSERT than PostgreSQL, which needs a handful a batch.
    assert len(statements) < 100
    # Only the import's own transaction: no savepoint per release.
    assert len([s for s in statements if s["sql"].startswith("SAVEPOINT")]) <= 1
