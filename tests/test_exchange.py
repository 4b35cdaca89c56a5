"""import_articles, export_articles and load_demo, driven the way an operator runs them."""

import json
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management.base import CommandError
from django.utils import timezone

from news.models import Article, Category
from tests.factories import ArticleFactory
from tests.files import (
    BAKU_MORNING,
    BAKU_MORNING_UTC,
    make_record,
    refusal,
    run,
    write_array,
    write_lines,
)

pytestmark = pytest.mark.django_db

# --- Importing valid files -------------------------------------------------------------------

AZ_TITLE = "Ağdamda İşçi qüvvəsi: Şəki, Gəncə və Ölkə üzrə"
AZ_SLUG = "agdamda-isci-quvvesi-seki-gence-ve-olke-uzre"


def assert_imported_sample():
    assert Article.objects.count() == 2
    first = Article.objects.get(legacy_id=11)
    assert first.title_az == AZ_TITLE
    assert first.slug_az == AZ_SLUG
    assert first.title_en == "Labour force in Aghdam"
    assert first.slug_en == "labour-force-in-aghdam"
    assert first.title_ru == "Государственная миграционная служба"
    assert first.slug_ru == "gosudarstvennaya-migratsionnaya-sluzhba"
    assert first.summary_az == "Qısa məzmun."
    assert first.body_az == "<p>Mətn.</p>"
    assert first.body_en == "<p>Text.</p>"
    assert first.body_ru == "<p>Текст.</p>"
    assert first.category.key == "announcements"
    assert first.status == Article.Status.DRAFT
    assert timezone.is_aware(first.published_at)
    assert first.published_at == BAKU_MORNING_UTC

    second = Article.objects.get(legacy_id=12)
    assert second.title_az == "Xəbər nömrə 12"
    assert second.slug_az == "xeber-nomre-12"
    assert second.category.key == "interviews"
    assert second.status == Article.Status.PUBLISHED
    assert second.published_at == datetime(2021, 1, 26, 8, 0, tzinfo=UTC)


SAMPLE = [
    make_record(
        11,
        category="announcements",
        status="draft",
        title={
            "az": AZ_TITLE,
            "en": "Labour force in Aghdam",
            "ru": "Государственная миграционная служба",
        },
    ),
    make_record(12, category="interviews", published_at="2021-01-26T12:00:00+04:00"),
]


def test_imports_a_json_array_file(tmp_path):
    out, _err = run("import_articles", str(write_array(tmp_path, SAMPLE)))

    assert "Created 2, updated 0, unchanged 0." in out
    assert_imported_sample()


def test_imports_a_json_lines_file(tmp_path):
    path = write_lines(tmp_path, [SAMPLE[0], "", SAMPLE[1]])

    out, _err = run("import_articles", str(path))

    assert "Created 2, updated 0, unchanged 0." in out
    assert_imported_sample()


def test_reimporting_a_legacy_id_updates_the_existing_release(tmp_path):
    run("import_articles", str(write_array(tmp_path, [make_record(5)], "first.json")))
    article = Article.objects.get(legacy_id=5)
    changed = make_record(5, title={"az": "Yeni başlıq", "en": "New title", "ru": "Новый"})

    out, _err = run("import_articles", str(write_array(tmp_path, [changed], "second.json")))

    assert "Created 0, updated 1, unchanged 0." in out
    assert Article.objects.count() == 1
    article.refresh_from_db()
    assert (article.title_az, article.title_en, article.title_ru) == (
        "Yeni başlıq",
        "New title",
        "Новый",
    )


def test_reimporting_an_identical_file_changes_nothing(tmp_path):
    records = [
        # Text the import tidies (spaces, a link given a rel) must still compare equal.
        make_record(
            1,
            title={"az": "  Şəki  ", "en": "Sheki", "ru": "Шеки"},
            body={
                "az": '<p>Bax: <a href="https://migration.gov.az">portal</a></p>',
                "en": "<p>See.</p>",
                "ru": "<p>См.</p>",
            },
        ),
        # Never translated into Russian.
        make_record(
            2,
            title={"az": "Gəncə", "en": "Ganja"},
            summary={"az": "Qısa."},
            body={"az": "<p>Mətn.</p>", "en": "<p>Text.</p>"},
        ),
    ]
    path = write_array(tmp_path, records)
    with time_machine.travel(datetime(2024, 1, 1, 9, 0, tzinfo=UTC), tick=False):
        run("import_articles", str(path))
    stamps = dict(Article.objects.values_list("legacy_id", "updated_at"))

    with time_machine.travel(datetime(2024, 2, 1, 9, 0, tzinfo=UTC), tick=False):
        out, _err = run("import_articles", str(path))

    assert "Created 0, updated 0, unchanged 2." in out
    assert dict(Article.objects.values_list("legacy_id", "updated_at")) == stamps
    assert set(stamps.values()) == {datetime(2024, 1, 1, 9, 0, tzinfo=UTC)}


def test_a_language_left_out_of_a_reimport_keeps_its_text(tmp_path):
    run("import_articles", str(write_array(tmp_path, [make_record(3)], "first.json")))
    only_azerbaijani = make_record(3, title={"az": "Yeni başlıq"}, body={"az": "<p>Yeni.</p>"})
    del only_azerbaijani["summary"]

    run("import_articles", str(write_array(tmp_path, [only_azerbaijani], "second.json")))

    article = Article.objects.get(legacy_id=3)
    assert article.title_az == "Yeni başlıq"
    assert article.body_az == "<p>Yeni.</p>"
    assert article.summary_az == "Qısa məzmun."
    assert (article.title_en, article.slug_en, article.summary_en, article.body_en) == (
        "Release number 3",
        "release-number-3",
        "Short summary.",
        "<p>Text.</p>",
    )
    assert (article.title_ru, article.slug_ru, article.summary_ru, article.body_ru) == (
        "Сообщение номер 3",
        "soobshchenie-nomer-3",
        "Краткое содержание.",
        "<p>Текст.</p>",
    )


# --- Refusals: nothing is written -------------------------------------------------------------


@pytest.fixture
def existing():
    """A release already on the site, which the good records of a refused file would update."""
    return ArticleFactory(legacy_id=1, title_az="Köhnə başlıq", title_en="Old title")


def assert_nothing_written(existing):
    assert Article.objects.count() == 1
    existing.refresh_from_db()
    assert existing.title_az == "Köhnə başlıq"
    assert existing.title_en == "Old title"


def good_then(bad):
    """Two good records (the first updating ``existing``) followed by ``bad`` as record 3."""
    return [make_record(1, title={"az": "Dəyişib", "en": "Changed"}), make_record(2), bad]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"category": "sports"}, "category: unknown category “sports”"),
        ({"category": None}, "category: unknown category “None”"),
        ({"status": "archived"}, "status: unknown status “archived”"),
        ({"status": None}, "status: unknown status “None”"),
        (
            {"published_at": "15.12.2020 11:30"},
            "published_at: “15.12.2020 11:30” is not a date and time",
        ),
        (
            {"published_at": "2020-13-45T10:00:00+04:00"},
            "published_at: “2020-13-45T10:00:00+04:00” is not a date and time",
        ),
        ({"published_at": 1608017400}, "published_at: “1608017400” is not a date and time"),
        ({"title": {}}, "title: a title is needed in at least one language"),
        ({"title": {"az": "  ", "en": "", "ru": ""}}, "title: a title is needed"),
        ({"title": None}, "title: expected an object of languages"),
        ({"title": {"az": "Başlıq", "de": "Titel"}}, "title: unknown language “de”"),
        ({"summary": {"az": "Qısa.", "tr": "Kısa."}}, "summary: unknown language “tr”"),
        ({"title": {"az": "Başlıq", "en": 5}}, "title.en: expected text"),
        ({"body": {"az": ["<p>Mətn.</p>"]}}, "body.az: expected text"),
        ({"summary": "Qısa məzmun."}, "summary: expected an object of languages"),
        (
            {"title": {"az": "x" * 256}},
            "title.az: Ensure this value has at most 255 characters (it has 256).",
        ),
        ({"author": "press office"}, "author: unknown field"),
        ({"id": 4}, "id: unknown field"),
    ],
)
def test_a_bad_field_after_good_records_refuses_the_whole_file(
    tmp_path, existing, changes, expected
):
    path = write_array(tmp_path, good_then(make_record(7, **changes)))

    message = refusal(path)

    assert "nothing imported" in message
    assert f"record 3 (legacy_id 7): {expected}" in message
    assert_nothing_written(existing)


@pytest.mark.parametrize("category", [["news"], {"key": "news"}])
def test_a_category_that_is_not_text_is_refused(tmp_path, existing, category):
    message = refusal(write_array(tmp_path, good_then(make_record(7, category=category))))

    assert "record 3 (legacy_id 7): category: unknown category" in message
    assert_nothing_written(existing)


def test_a_record_without_a_title_field_is_refused(tmp_path, existing):
    untitled = make_record(7)
    del untitled["title"]

    message = refusal(write_array(tmp_path, good_then(untitled)))

    assert "record 3 (legacy_id 7): title: a title is needed in at least one language" in message
    assert_nothing_written(existing)


def test_every_problem_of_a_record_is_listed(tmp_path, existing):
    bad = make_record(7, category="sports", status="archived", colour="red")

    message = refusal(write_array(tmp_path, good_then(bad)))

    assert "3 problem(s)" in message
    for fragment in ("category: unknown category", "status: unknown status", "colour: unknown"):
        assert f"record 3 (legacy_id 7): {fragment}" in message
    assert_nothing_written(existing)


@pytest.mark.parametrize("legacy_id", [0, -5, "7", 7.5, 7.0, True, [7]])
def test_a_legacy_id_that_is_not_a_positive_whole_number_is_refused(tmp_path, existing, legacy_id):
    message = refusal(write_array(tmp_path, good_then(make_record(legacy_id))))

    assert "record 3: legacy_id: " in message
    assert "is not a whole number from 1 to 2147483647, or null" in message
    assert_nothing_written(existing)


def test_a_legacy_id_beyond_the_database_column_is_refused(tmp_path, existing):
    """PositiveIntegerField holds up to 2147483647; PostgreSQL rejects more at save time."""
    message = refusal(write_array(tmp_path, good_then(make_record(2**31))))

    assert "record 3: legacy_id: “2147483648” is not a whole number from 1" in message
    assert_nothing_written(existing)


@pytest.mark.parametrize("value", ["not a record", 42, None, ["news"]])
def test_a_record_that_is_not_an_object_is_refused(tmp_path, existing, value):
    message = refusal(write_array(tmp_path, good_then(value)))

    assert "record 3: expected a JSON object" in message
    assert_nothing_written(existing)


def test_the_same_legacy_id_twice_in_one_file_is_refused(tmp_path, existing):
    records = [make_record(1), make_record(2), make_record(1, title={"az": "Təkrar"})]

    message = refusal(write_array(tmp_path, records))

    assert "record 3 (legacy_id 1): legacy_id: also used by record 1" in message
    assert_nothing_written(existing)


def test_bad_json_in_an_array_file_names_line_and_column(tmp_path, existing):
    broken = '  {"legacy_id": 2, "category": "news" "status": "draft"},'
    text = "\n".join(
        ["[", "  " + json.dumps(make_record(1), ensure_ascii=False) + ",", broken, "]"]
    )
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")

    message = refusal(path)

    column = broken.index('"status"') + 1
    assert f"invalid JSON at line 3, column {column}" in message
    assert_nothing_written(existing)


def test_bad_json_on_one_line_of_a_json_lines_file_names_record_line_and_legacy_id(
    tmp_path, existing
):
    path = write_lines(
        tmp_path,
        [
            make_record(1, title={"az": "Dəyişib"}),
            "",
            make_record(2),
            '{"legacy_id": 7, "category": "news", "title": {"az": "Yarımçıq"}',
        ],
    )

    message = refusal(path)

    # The blank second line is not a record: the broken one is record 3, on line 4.
    assert "record 3 (legacy_id 7), line 4: invalid JSON" in message
    assert_nothing_written(existing)


def test_bad_json_line_without_a_legacy_id_names_record_and_line(tmp_path, existing):
    path = write_lines(tmp_path, [make_record(2), "{not json at all"])

    message = refusal(path)

    assert "record 2, line 2: invalid JSON" in message
    assert_nothing_written(existing)


def test_an_unreadable_path_is_refused(tmp_path, existing):
    missing = tmp_path / "no-such-file.json"

    message = refusal(missing)

    assert f"{missing}: cannot read: No such file or directory" in message
    assert_nothing_written(existing)


def test_a_directory_is_refused(tmp_path, existing):
    message = refusal(tmp_path)

    assert f"{tmp_path}: cannot read" in message
    assert_nothing_written(existing)


def test_a_file_that_is_not_utf8_is_refused(tmp_path, existing):
    path = tmp_path / "latin1.json"
    path.write_bytes(
        json.dumps([make_record(2, title={"az": "Çay"})])
        .encode()
        .replace(b"\\u00c7", "Ç".encode("latin-1"))
    )

    message = refusal(path)

    assert f"{path}: not UTF-8 text" in message
    assert_nothing_written(existing)


# --- Dry run ----------------------------------------------------------------------------------


def test_dry_run_writes_nothing_and_reports_what_would_change(tmp_path, existing):
    records = [
        make_record(1, title={"az": "Dəyişib", "en": "Changed"}),
        make_record(2),
        make_record(3),
    ]
    path = write_array(tmp_path, records)

    out, _err = run("import_articles", str(path), dry_run=True, verbosity=2)

    assert "Dry run, nothing written: would create 2, update 1, unchanged 0." in out
    assert "create: record 2 (legacy_id 2)" in out
    assert "create: record 3 (legacy_id 3)" in out
    update_lines = [line for line in out.splitlines() if line.startswith("update: record 1")]
    assert len(update_lines) == 1
    assert "title_az" in update_lines[0]
    assert "title_en" in update_lines[0]
    assert_nothing_written(existing)


# --- Sanitising -------------------------------------------------------------------------------

MALICIOUS = (
    "<p>Salam</p><script>alert('script')</script>"
    '<img src="x" onerror="alert(1)">'
    '<p onerror="alert(2)">Mətn</p>'
    '<a href="javascript:alert(3)">klik</a>'
    '<a href="JaVaScRiPt:alert(4)">klik</a>'
)


def test_imported_bodies_are_sanitised(tmp_path):
    record = make_record(1, body={"az": MALICIOUS, "en": MALICIOUS, "ru": MALICIOUS})

    run("import_articles", str(write_array(tmp_path, [record])))

    article = Article.objects.get(legacy_id=1)
    for body in (article.body_az, article.body_en, article.body_ru):
        assert "<p>Salam</p>" in body
        assert "<p>Mətn</p>" in body
        lowered = body.lower()
        assert "<script" not in lowered
        assert "alert" not in lowered
        assert "onerror" not in lowered
        assert "javascript:" not in lowered
        assert "<img" not in lowered


def test_imported_bodies_keep_the_text_after_an_unclosed_element(tmp_path):
    record = make_record(1, body={"az": "<p>Bir.</p><script><p>İki.</p>", "en": "<math><p>Two."})

    run("import_articles", str(write_array(tmp_path, [record])))

    article = Article.objects.get(legacy_id=1)
    assert (article.body_az, article.body_en) == ("<p>Bir.</p><p>İki.</p>", "<p>Two.</p>")


# --- Export and round trip --------------------------------------------------------------------


def test_export_import_export_gives_the_same_file(tmp_path, announcements):
    morning = datetime(2021, 3, 4, 11, 0, tzinfo=UTC)
    ArticleFactory(
        legacy_id=101,
        published_at=datetime(2020, 9, 22, 6, 0, tzinfo=UTC),
        title_az="Şəki və Gəncədə yeni xidmət",
        body_az='<p>Bax <a href="https://migration.gov.az">portal</a> &amp; “sitat”.</p>',
    )
    ArticleFactory(legacy_id=102, published_at=morning, without_russian=True)
    ArticleFactory(
        legacy_id=103,
        published_at=datetime(2021, 5, 1, 12, 15, 30, 123456, tzinfo=UTC),
        draft=True,
        category=announcements,
    )
    # Released at the same moment as 102, and never on the old site.
    ArticleFactory(legacy_id=None, published_at=morning, summary_en="", body_en="")
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"

    out, _err = run("export_articles", str(first))
    assert f"Exported 4 releases to {first}." in out

    exported = json.loads(first.read_text(encoding="utf-8"))
    assert [record["legacy_id"] for record in exported] == [101, 102, None, 103]
    assert set(exported[1]["title"]) == {"az", "en"}
    assert set(exported[2]["body"]) == {"az", "ru"}
    assert exported[3]["status"] == "draft"
    assert exported[3]["category"] == "announcements"

    Article.objects.all().delete()
    out, _err = run("import_articles", str(first))
    assert "Created 4, updated 0, unchanged 0." in out
    run("export_articles", str(second))

    assert second.read_bytes() == first.read_bytes()


def test_export_to_stdout_prints_json():
    article = ArticleFactory(legacy_id=42, published_at=BAKU_MORNING_UTC, without_russian=True)

    out, _err = run("export_articles", "-")

    assert json.loads(out) == [
        {
            "legacy_id": 42,
            "category": "news",
            "published_at": BAKU_MORNING,
            "status": "published",
            "original_language": "az",
            "title": {"az": article.title_az, "en": article.title_en},
            "slug": {"az": article.slug_az, "en": article.slug_en},
            "summary": {"az": "Qısa məzmun.", "en": "Short summary."},
            "body": {"az": "<p>Mətn.</p>", "en": "<p>Text.</p>"},
        }
    ]


def test_export_to_an_unwritable_path_is_refused(tmp_path):
    target = tmp_path / "no-such-folder" / "releases.json"

    with pytest.raises(CommandError) as excinfo:
        run("export_articles", str(target))

    assert f"{target}: cannot write" in str(excinfo.value)


# --- Demo -------------------------------------------------------------------------------------


def test_load_demo_creates_eight_releases_and_is_safe_to_run_again():
    with time_machine.travel(datetime(2024, 1, 1, 9, 0, tzinfo=UTC), tick=False):
        out, _err = run("load_demo")
    assert "Created 8, updated 0, unchanged 0." in out
    assert Article.objects.count() == 8
    stamps = dict(Article.objects.values_list("legacy_id", "updated_at"))

    with time_machine.travel(datetime(2024, 2, 1, 9, 0, tzinfo=UTC), tick=False):
        out, _err = run("load_demo")

    assert "Created 0, updated 0, unchanged 8." in out
    assert Article.objects.count() == 8
    assert dict(Article.objects.values_list("legacy_id", "updated_at")) == stamps


def test_demo_releases_cover_the_site():
    run("load_demo")

    articles = list(Article.objects.select_related("category"))
    without_russian = [a for a in articles if not (a.title_ru or a.body_ru)]
    assert len(without_russian) == 1
    assert without_russian[0].title_az
    assert without_russian[0].title_en
    assert {a.category.key for a in articles} == set(Category.objects.values_list("key", flat=True))
    assert {a.category.key for a in articles} == {"news", "announcements", "interviews", "articles"}


def test_load_demo_dry_run_writes_nothing():
    out, _err = run("load_demo", dry_run=True)

    assert "Dry run, nothing written: would create 8, update 0, unchanged 0." in out
    assert Article.objects.count() == 0


# --- Progress ---------------------------------------------------------------------------------


def test_a_large_import_reports_progress_on_stderr(tmp_path):
    path = write_lines(tmp_path, [make_record(n) for n in range(1, 1002)])

    out, err = run("import_articles", str(path))

    assert err.splitlines() == [
        "checked 500 records",
        "checked 1000 records",
        "checked 1001 records",
        "500/1001 records",
        "1000/1001 records",
        "1001/1001 records",
    ]
    assert "Created 1001, updated 0, unchanged 0." in out
    assert Article.objects.count() == 1001


def test_a_small_import_and_a_quiet_one_report_no_progress(tmp_path):
    small = write_lines(tmp_path, [make_record(n) for n in range(1, 101)], "small.jsonl")
    large = write_lines(tmp_path, [make_record(n) for n in range(101, 702)], "large.jsonl")

    _out, small_err = run("import_articles", str(small))
    _out, quiet_err = run("import_articles", str(large), verbosity=0)

    assert small_err == ""
    assert quiet_err == ""


def test_a_withdrawn_release_needs_its_withdrawal_date(tmp_path, existing):
    message = refusal(write_array(tmp_path, good_then(make_record(7, status="withdrawn"))))

    assert "record 3 (legacy_id 7): withdrawn_at: a withdrawn release needs the date" in message
    assert_nothing_written(existing)


def test_a_withdrawn_release_round_trips_with_its_date_and_reasons(tmp_path):
    record = make_record(
        7,
        status="withdrawn",
        withdrawn_at="2021-01-05T09:00:00+04:00",
        withdrawal_reason={"az": "Səhvən dərc edilib.", "en": "Published in error."},
    )
    path = write_array(tmp_path, [record])
    run("import_articles", str(path))

    article = Article.objects.get(legacy_id=7)
    assert article.status == "withdrawn"
    assert timezone.localtime(article.withdrawn_at).isoformat() == "2021-01-05T09:00:00+04:00"
    assert article.withdrawal_reason_en == "Published in error."

    out, _err = run("export_articles", "-")
    exported = json.loads(out)[0]
    assert exported["withdrawn_at"] == "2021-01-05T09:00:00+04:00"
    assert exported["withdrawal_reason"] == record["withdrawal_reason"]
