"""Measure the site as production serves it, at the archive's size: pages, admin, app servers.

For 8 releases (the demo) and each size asked for, on a scratch PostgreSQL database:

- the SQL each public page and the admin's release list make (queries, time) and the query
  plans that serve a list's count and a page deep in it;
- requests per second and 99th-percentile latency under wrk (2 threads, 16 connections) of
  gunicorn with 2 workers and production settings on Redis, for each page kept in the page
  cache ("hot") and rendered afresh ("cold", PAGE_CACHE_SECONDS=0), beside a trivial Django
  view on the same server (the ceiling), and each worker's memory afterwards;
- how long a release published through one app server takes to show on another.

    .venv/bin/python scripts/bench_pages.py                     # 17,000 and 100,000
    .venv/bin/python scripts/bench_pages.py --sizes 2000 --duration 3

Needs PostgreSQL, Redis and wrk (apt-get install wrk). The scratch database (--database) is
dropped and made anew: never point it at one whose content matters.
"""

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
HOST = "news.example.org"
HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip, br"}
# Sizes are added to what the database holds: the demo's eight first, then the rest.
DEMO_SIZE = 8


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="17000,100000", help="archive sizes, comma-separated")
    parser.add_argument("--database", default="migration_portal_bench")
    parser.add_argument("--cache", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--port", type=int, default=18090, help="first of two ports to serve on")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    return parser.parse_args()


def environment(args, static_root, **overrides):
    return {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "benchsite.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "scripts"), str(ROOT)]),
        "DJANGO_SECRET_KEY": args.secret_key,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": f"{SERVER}/{args.database}",
        "CACHE_URL": f"{args.cache}?KEY_PREFIX=bench-{args.run}",
        "STATIC_ROOT": str(static_root),
        "DJANGO_2FA_FOR_PUBLISHERS": "false",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }


def manage(env, *command):
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


def psql(sql, database="postgres"):
    subprocess.run(["psql", f"{SERVER}/{database}", "-qc", sql], check=True)


class Server:
    """gunicorn with 2 workers, production settings, the project's gunicorn.conf.py."""

    def __init__(self, env, port):
        self.port = port
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"}

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
             "migration_portal.wsgi:application"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _attempt in range(150):
            try:
                self.get("/healthz")
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.process.wait(timeout=30)

    def get(self, path):
        url = f"http://127.0.0.1:{self.port}{path}"
        request = urllib.request.Request(url, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode(errors="replace")

    def worker_memory(self):
        """Return each worker's resident memory, in MB."""
        children = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        sizes = []
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return sizes

    def load(self, path, duration):
        """Return (requests per second, 99th-percentile latency in ms) of wrk on ``path``."""
        headers = [part for name, value in HEADERS.items() for part in ("-H", f"{name}: {value}")]
        output = subprocess.run(
            ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", *headers,
             f"http://127.0.0.1:{self.port}{path}"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
        scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        if errors:
            raise RuntimeError(f"{path}: {errors.group(1)} answers were errors")
        return rate, float(p99.group(1)) * scale


def pages():
    """Return [(name, path)] of the pages to measure, found in the database."""
    from news.models import Article, Category

    visible = Article.objects.visible("az").order_by("-published_at")
    public = visible.count()
    # A release some way down the archive, not the newest everyone has just read.
    article = visible[min(500, public - 1)]
    category = Category.objects.get(key="news")
    deep = [("list page 500", "/az/news/?page=500")] if public >= 500 * 20 else []
    return [
        ("home", "/az/"),
        ("list", "/az/news/"),
        *deep,
        ("category", category.get_absolute_url("az")),
        ("article", article.get_absolute_url("az")),
        ("archive month", f"/az/news/{article.published_at:%Y}/{article.published_at:%m}/"),
        ("feed", "/az/feed/atom/"),
        ("API list", "/api/v1/releases/?language=az"),
        ("search", "/az/search/?q=miqrasiya"),
    ]


def sql_of(client, path, repeat=5):
    """Return (queries, median SQL ms, median answer ms) of answering ``path`` afresh."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sql, answers, count = [], [], 0
    for _attempt in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(path, headers={"host": HOST, "x-forwarded-proto": "https"})
            answers.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        sql.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
        count = len(queries)
    return count, statistics.median(sql), statistics.median(answers)


def measure_sql(label):
    """Return {page: (queries, SQL ms)} of the public pages and the admin, pages not kept."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client, override_settings

    from news.models import Article

    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    staff = Client()
    staff.force_login(user)
    deep_in_archive = Article.objects.order_by("-published_at")[
        min(500, Article.objects.count() - 1)
    ]
    found = {}
    with override_settings(PAGE_CACHE_SECONDS=0, SECURE_SSL_REDIRECT=False):
        cache.clear()
        for name, path in pages():
            found[name] = sql_of(Client(), path)
        for name, path in [
            ("admin list", "/admin/news/article/"),
            ("admin list, missing RU", "/admin/news/article/?missing=ru"),
            ("admin list, a year", "/admin/news/article/?year=2015"),
            ("admin search", "/admin/news/article/?q=miqrasiya"),
            ("admin change page", f"/admin/news/article/{deep_in_archive.pk}/change/"),
        ]:
            found[name] = sql_of(staff, path, repeat=3)
    print(f"\nSQL at {label}:")
    for name, (queries, sql, answer) in found.items():
        print(f"  {name:24} {queries:3d} queries {sql:8.2f} ms of SQL {answer:8.1f} ms in all")
    return found


def explain():
    """Print the plans PostgreSQL follows for a list's count and for a page deep in it."""
    from django.db import connection
    from django.utils import translation

    from news.models import Article

    with translation.override("az"):
        visible = Article.objects.visible("az")
        sql, params = visible.order_by().values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN ANALYZE SELECT COUNT(*) FROM ({sql}) AS listed", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"\nQuery plan of a list's count (kept per content state):\n{plan}")
        ids = visible.values("pk")[9980:10000]
        print("\nQuery plan of list page 500 (its ids first, then its rows):")
        print(Article.objects.filter(pk__in=ids).explain(analyze=True))


def publish_delay(first, second):
    """Change a listed release's title; time from its save until the other server lists it."""
    from news.models import Article

    draft = Article.objects.visible("az").first()
    title = f"Published for the benchmark {secrets.token_hex(4)}"
    second.get("/az/news/")  # the list is kept without it
    draft.title_az = title
    draft.save()  # committed, it ends the content state in the shared cache
    # From the moment the change is saved: what every app server must then show.
    start = time.monotonic()
    while title not in second.get("/az/news/"):
        if time.monotonic() - start > 10:
            raise RuntimeError("the other server did not show the release within 10 s")
    return time.monotonic() - start


def main():
    args = arguments()
    args.secret_key = secrets.token_urlsafe(50)
    args.run = secrets.token_hex(4)
    for tool, package in (("wrk", "wrk"), ("psql", "postgresql-client")):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed: apt-get install {package}")
    sizes = [int(size) for size in args.sizes.split(",")]
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))

    psql(f"DROP DATABASE IF EXISTS {args.database}")
    psql(f"CREATE DATABASE {args.database}")
    env = environment(args, static_root)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(env, "load_demo", "-v0")
    os.environ.update(env)
    sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]
    import django

    django.setup()

    results = {DEMO_SIZE: {"sql": measure_sql(f"{DEMO_SIZE} releases")}}
    held = DEMO_SIZE
    for size in sizes:
        manage(env, "generate_releases", str(size - held), "--scratch-database", "-v0")
        psql("VACUUM ANALYZE", database=args.database)
        held = size
        results[size] = {"sql": measure_sql(f"{size:,} releases")}
        runs = {}
        for mode, page_seconds in (("hot", "600"), ("cold", "0")):
            served = environment(args, static_root, PAGE_CACHE_SECONDS=page_seconds)
            with Server(served, args.port) as server:
                trivial = server.load("/bench/trivial", args.duration)
                for name, path in pages():
                    server.get(path)
                    runs[(mode, name)] = server.load(path, args.duration)
                runs[(mode, "trivial")] = trivial
                runs[(mode, "memory")] = server.worker_memory()
        with (
            Server(environment(args, static_root), args.port) as first,
            Server(environment(args, static_root), args.port + 1) as second,
        ):
            results[size]["publish"] = publish_delay(first, second)
        results[size]["runs"] = runs
        report(size, results)
    explain()


def report(size, results):
    runs = results[size]["runs"]
    print(f"\n## {size:,} releases (gunicorn, 2 workers; wrk -t2 -c16)\n")
    print("| page | queries | SQL ms (8 / now) | hot req/s | × trivial | p99 ms "
          "| cold req/s | × trivial | p99 ms |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for mode in ("hot", "cold"):
        runs[(mode, "ceiling")] = runs[(mode, "trivial")][0]
    print(
        f"| trivial view | 0 | — | {runs[('hot', 'trivial')][0]:.0f} | 1.00 "
        f"| {runs[('hot', 'trivial')][1]:.1f} | {runs[('cold', 'trivial')][0]:.0f} | 1.00 "
        f"| {runs[('cold', 'trivial')][1]:.1f} |"
    )
    baseline = results[DEMO_SIZE]["sql"]
    for name, (queries, sql, _answer) in results[size]["sql"].items():
        if ("hot", name) not in runs:
            continue
        before = f"{baseline[name][1]:.1f}" if name in baseline else "—"
        row = [name, str(queries), f"{before} / {sql:.1f}"]
        for mode in ("hot", "cold"):
            rate, p99 = runs[(mode, name)]
            row += [f"{rate:.0f}", f"{rate / runs[(mode, 'ceiling')]:.2f}", f"{p99:.1f}"]
        print("| " + " | ".join(row) + " |")
    print("\nAdmin, as one signed-in editor:")
    for name, (queries, sql, answer) in results[size]["sql"].items():
        if name.startswith("admin"):
            print(f"- {name}: {queries} queries, {sql:.1f} ms of SQL, {answer:.0f} ms in all")
    memory = ", ".join(f"{mb:.0f} MB" for mb in runs[("cold", "memory")])
    delay = results[size]["publish"] * 1000
    print(f"\nMemory per worker after the runs: {memory}")
    print(f"A release changed is listed by the other app server {delay:.0f} ms after its save")


if __name__ == "__main__":
    main()
