"""Measure import_articles and export_articles at the archive's size, on PostgreSQL.

For each size it writes a file of that many plausible releases in three languages, empties
a scratch database, migrates it, imports the file, then exports it again, each in a fresh
process, and prints the wall time, the SQL statements per release and the process's peak
memory (its resident set's high-water mark).

    .venv/bin/python scripts/bench_import.py                      # 17,000 and 100,000
    .venv/bin/python scripts/bench_import.py --sizes 2000 --format lines

The scratch database (``--database``, default mp_data_bench) is dropped and created anew:
never point it at a database whose content matters.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"

VOCABULARY = {
    "az": (
        "Dövlət Miqrasiya Xidməti əcnəbilər vətəndaşlıq sənəd icazə yaşamaq işləmək müraciət "
        "qeydiyyat ölkə regional idarə vətəndaş xidmət elektron sistem qanun qayda tədbir "
        "görüş əməkdaşlıq beynəlxalq təşkilat hesabat il ərzində artıb yeni mərkəz Bakı "
        "Gəncə Şəki Lənkəran Naxçıvan məlumat verilir ki bildirilir keçirilib"
    ),
    "en": (
        "State Migration Service foreign nationals citizenship document permit residence "
        "work application registration country regional office citizen service electronic "
        "system law rule event meeting cooperation international organisation report year "
        "during increased new centre Baku Ganja Sheki Lankaran Nakhchivan information "
        "announced held"
    ),
    "ru": (
        "Государственная миграционная служба иностранцы гражданство документ разрешение "
        "проживание работа заявление регистрация страна региональное управление гражданин "
        "услуга электронная система закон правило мероприятие встреча сотрудничество "
        "международная организация отчёт год течение выросло новый центр Баку Гянджа Шеки "
        "Ленкорань Нахчыван информация сообщается проведено"
    ),
}
WORDS = {language: text.split() for language, text in VOCABULARY.items()}
CATEGORIES = ["news", "announcements", "interviews", "articles"]


def sentence(rng, language, words):
    text = " ".join(rng.choice(WORDS[language]) for _word in range(words))
    return text[0].upper() + text[1:] + "."


def release(rng, number, start):
    """Return one release as the old site exported it: three languages, a few paragraphs."""
    published = start + timedelta(minutes=number * 7)
    record = {
        "legacy_id": number,
        "category": rng.choice(CATEGORIES),
        "published_at": published.isoformat(),
        "status": "published" if rng.random() < 0.97 else "draft",
        "original_language": "az",
    }
    languages = ["az", "en"] if rng.random() < 0.1 else ["az", "en", "ru"]
    record["title"] = {code: sentence(rng, code, 8)[:-1] for code in languages}
    record["summary"] = {code: sentence(rng, code, 30) for code in languages}
    record["body"] = {
        code: "".join(
            f"<p>{' '.join(sentence(rng, code, 12) for _s in range(3))}</p>" for _p in range(4)
        )
        for code in languages
    }
    return record


def write_file(path, size, shape):
    rng = random.Random(size)
    start = datetime.fromisoformat("2008-01-01T10:00:00+04:00")
    with path.open("w", encoding="utf-8") as handle:
        if shape == "array":
            handle.write("[\n")
        for number in range(1, size + 1):
            text = json.dumps(release(rng, number, start), ensure_ascii=False)
            if shape == "array":
                text = ("  " if number == 1 else ",\n  ") + text
            else:
                text += "\n"
            handle.write(text)
        if shape == "array":
            handle.write("\n]\n")


def psql(command):
    subprocess.run(["psql", f"{SERVER}/postgres", "-qc", command], check=True)


def fresh_database(name):
    psql(f'DROP DATABASE IF EXISTS "{name}"')
    psql(f'CREATE DATABASE "{name}"')
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=environment(name),
        check=True,
    )


def environment(name):
    return {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{name}",
        "DJANGO_SETTINGS_MODULE": "migration_portal.settings.dev",
        "DJANGO_DEBUG": "false",
    }


def measured(name, *command):
    """Run a management command in a child process; return its figures."""
    completed = subprocess.run(
        [sys.executable, __file__, "--child", *command],
        cwd=ROOT,
        env=environment(name),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def child(command):
    """Run one management command here, counting statements; print figures as JSON."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    statements = 0

    def count(execute, sql, params, many, context):
        nonlocal statements
        statements += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        call_command(*command, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "statements": statements, "peak_mb": peak}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[17_000, 100_000])
    parser.add_argument("--format", choices=["array", "lines"], default="array")
    parser.add_argument("--database", default="mp_data_bench")
    parser.add_argument("--child", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    if options.child:
        child(options.child)
        return

    print(f"{'releases':>9} {'step':<7} {'wall':>8} {'stmts/release':>14} {'peak RSS':>9}")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as scratch:
        for size in options.sizes:
            source = Path(scratch) / f"releases-{size}.json"
            write_file(source, size, options.format)
            fresh_database(options.database)
            exported = Path(scratch) / f"exported-{size}.json"
            for step, command in (
                ("import", ["import_articles", str(source)]),
                ("export", ["export_articles", str(exported)]),
            ):
                figures = measured(options.database, *command)
                print(
                    f"{size:>9,} {step:<7} {figures['seconds']:>7.1f}s "
                    f"{figures['statements'] / size:>14.3f} {figures['peak_mb']:>7.0f} MB",
                    flush=True,
                )
            source.unlink()
            exported.unlink()


if __name__ == "__main__":
    main()
