"""Measure import_articles and export_articles at the archive's size, on PostgreSQL.

For each size it empties a scratch database, migrates it, writes a file of that many
plausible releases in three languages (``generate_releases --output``), imports the file,
then exports it again, each in a fresh process, and prints the wall time, the SQL statements
per release and the process's peak memory (its resident set's high-water mark).

    .venv/bin/python scripts/bench_import.py                      # 17,000 and 100,000
    .venv/bin/python scripts/bench_import.py --sizes 2000 --format lines

The scratch database (``--database``, default mp_data_bench) is dropped and created anew:
never point it at a database whose content matters.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"


def write_file(path, size, shape, database):
    """Write ``size`` releases made by ``generate_releases``, as JSON Lines or one array."""
    lines = path.with_suffix(".jsonl")
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "generate_releases",
            str(size),
            "--seed",
            str(size),
            "--output",
            str(lines),
            "-v",
            "0",
        ],
        cwd=ROOT,
        env=environment(database),
        check=True,
    )
    if shape == "lines":
        lines.rename(path)
        return
    with lines.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as target:
        target.write("[\n")
        for number, line in enumerate(source):
            target.write(("  " if number == 0 else ",\n  ") + line.rstrip("\n"))
        target.write("\n]\n")
    lines.unlink()


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
            fresh_database(options.database)
            write_file(source, size, options.format, options.database)
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
