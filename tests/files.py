"""Import files written the way an operator's would be, and the exchange commands run."""

import io
import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

BAKU_MORNING = "2020-12-15T11:30:00+04:00"
BAKU_MORNING_UTC = datetime(2020, 12, 15, 7, 30, tzinfo=UTC)


def make_record(legacy_id=1, **changes):
    """Return a valid import record; ``changes`` replace or add top-level fields."""
    record = {
        "legacy_id": legacy_id,
        "category": "news",
        "published_at": BAKU_MORNING,
        "status": "published",
        "title": {
            "az": f"Xəbər nömrə {legacy_id}",
            "en": f"Release number {legacy_id}",
            "ru": f"Сообщение номер {legacy_id}",
        },
        "summary": {"az": "Qısa məzmun.", "en": "Short summary.", "ru": "Краткое содержание."},
        "body": {"az": "<p>Mətn.</p>", "en": "<p>Text.</p>", "ru": "<p>Текст.</p>"},
    }
    record.update(changes)
    return record


def write_array(tmp_path, records, name="releases.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def write_lines(tmp_path, lines, name="releases.jsonl"):
    """Write one line per item: dicts as JSON, strings as they are (for broken lines)."""
    path = tmp_path / name
    text = "\n".join(
        line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines
    )
    path.write_text(text + "\n", encoding="utf-8")
    return path


def run(command, *args, **options):
    """Run a management command; return what it wrote to stdout and stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=stdout, stderr=stderr, **options)
    return stdout.getvalue(), stderr.getvalue()


def refusal(path, **options):
    """Import ``path`` expecting a refusal; return the CommandError message.

    Messages are checked in their English source text, so that a translation added later
    does not break the tests.
    """
    with translation.override("en"), pytest.raises(CommandError) as excinfo:
        run("import_articles", str(path), **options)
    return str(excinfo.value)
