"""Run Lighthouse on the home page, a release and the search, as a phone sees them.

Starts the site on a free port of loopback with the demo releases in a throw-away SQLite
database, runs Lighthouse from node_modules (``npm ci``) with Debian's Chromium, and prints
the four scores of each page. Lighthouse never downloads a browser: CHROME_PATH names ours.

    make audit    # AUDIT_PORT (default: a free one), CHROME_PATH (default /usr/bin/chromium)
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(*arguments, environment):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=environment, check=True)


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"audit: the site did not answer at {url}")


def first_release(base):
    """Return the address of the home page's first release."""
    with urllib.request.urlopen(f"{base}/az/", timeout=10) as answer:
        html = answer.read().decode()
    start = html.index('class="card__title"><a href="') + len('class="card__title"><a href="')
    return html[start : html.index('"', start)]


def lighthouse(url, work):
    report = Path(work) / "report.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--form-factor=mobile",
            "--chrome-flags=--headless=new --no-sandbox",
            "--only-categories=" + ",".join(CATEGORIES),
        ],
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        check=True,
    )
    result = json.loads(report.read_text())
    categories = result["categories"]
    scores = {name: round(categories[name]["score"] * 100) for name in CATEGORIES}
    # What cost points: the weighted audits that did not pass.
    lost = sorted(
        {
            reference["id"]
            for name in CATEGORIES
            for reference in categories[name]["auditRefs"]
            if reference["weight"] and (result["audits"][reference["id"]]["score"] or 0) < 1
        }
    )
    # The console's errors name their cause (a missing file, a refused script): say which.
    console = [
        " ".join(filter(None, (item.get("description"), item.get("sourceLocation", {}).get("url"))))
        for item in result["audits"]["errors-in-console"].get("details", {}).get("items", [])
    ]
    return scores, lost, console


def main():
    if not LIGHTHOUSE.exists():
        sys.exit("audit: Lighthouse is not installed: run `npm ci`")
    port = int(os.environ.get("AUDIT_PORT") or free_port())
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="audit-") as work:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "migration_portal.settings.dev",
            # Development settings, so the server also sends the photographs; CSS and pages
            # are those production serves.
            "DATABASE_URL": f"sqlite:///{work}/db.sqlite3",
            "MEDIA_ROOT": f"{work}/media",
        }
        manage("migrate", "--no-input", "-v", "0", environment=environment)
        manage("load_demo", environment=environment)
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(f"{base}/az/")
            pages = {
                "home": f"{base}/az/",
                "release": base + first_release(base),
                "search": f"{base}/az/search/?q=miqrasiya",
            }
            print(f"{'page':<10}" + "".join(f"{name:>16}" for name in CATEGORIES))
            for name, url in pages.items():
                scores, lost, console = lighthouse(url, work)
                print(f"{name:<10}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
                if lost:
                    print(f"{'':<10}not passed: {', '.join(lost)}")
                for error in console:
                    print(f"{'':<10}console: {error}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
