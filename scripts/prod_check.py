"""Check a deploy before it ships: production settings, collected static files, gunicorn.

Runs ``check --deploy`` (any warning fails), ``collectstatic``, ``migrate`` and ``load_demo``
with the production settings into a throw-away folder, starts gunicorn, and checks that it
serves a page and the page's hashed stylesheet, compressed and cached for ever.

    make prod-check    # PROD_CHECK_PORT, PROD_CHECK_CACHE_URL, PROD_CHECK_DATABASE_URL
"""

import http.client
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "news.example.org"


def get(port, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": HOST, "X-Forwarded-Proto": "https", **headers})
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def expect(condition, message):
    if not condition:
        sys.exit(f"prod-check: {message}")
    print(f"prod-check: ok: {message}")


def main():
    port = int(os.environ.get("PROD_CHECK_PORT", 18180))
    with tempfile.TemporaryDirectory(prefix="prod-check-") as work:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "migration_portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DATABASE_URL": os.environ.get(
                "PROD_CHECK_DATABASE_URL", f"sqlite:///{work}/db.sqlite3"
            ),
            "CACHE_URL": os.environ.get("PROD_CHECK_CACHE_URL", "redis://127.0.0.1:6379/5"),
            "STATIC_ROOT": f"{work}/static",
            "MEDIA_ROOT": f"{work}/media",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "2",
        }
        manage = [sys.executable, "manage.py"]
        for command in (
            ["check", "--deploy", "--fail-level", "WARNING"],
            ["collectstatic", "--no-input", "-v", "0"],
            ["migrate", "--no-input", "-v", "0"],
            ["load_demo", "-v", "0"],
        ):
            subprocess.run(manage + command, cwd=ROOT, env=environment, check=True)
            print(f"prod-check: ok: manage.py {' '.join(command)}")

        log = Path(work) / "gunicorn.log"
        with log.open("wb") as output:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                 "migration_portal.wsgi:application"],
                cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT,
            )  # fmt: skip
            try:
                check_server(port, server, log)
            finally:
                server.terminate()
                server.wait(timeout=30)


def check_server(port, server, log):
    deadline = time.monotonic() + 30
    while True:
        try:
            status, _, _ = get(port, "/healthz")
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"prod-check: gunicorn did not start:\n{log.read_text()}")
            time.sleep(0.3)
    expect(status == 200, "gunicorn answers /healthz with 200")

    status, _, body = get(port, "/az/")
    expect(status == 200, "the home page answers 200")
    stylesheet = re.search(rb'href="(/static/css/site\.\w{12}\.css)"', body)
    expect(stylesheet is not None, "the page links its stylesheet by a hashed name")

    status, headers, _ = get(port, stylesheet.group(1).decode(), **{"Accept-Encoding": "gzip"})
    expect(status == 200, f"{stylesheet.group(1).decode()} is served")
    expect("immutable" in headers.get("Cache-Control", ""), "it is cached for ever")
    expect(headers.get("Content-Encoding") == "gzip", "it is sent compressed")


if __name__ == "__main__":
    main()
