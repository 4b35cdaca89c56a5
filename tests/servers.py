"""Real servers for the tests: gunicorn with production settings, and a TCP proxy to cut."""

import contextlib
import http.client
import os
import selectors
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings

# Tests listen only on ports of this range (inclusive), e.g. TEST_PORTS=18100-18199.
PORTS = os.environ.get("TEST_PORTS", "18100-18199")
# The Redis database the app servers started by the tests use.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


def free_port(from_top=False):
    """Return a loopback TCP port of TEST_PORTS that nothing listens on now.

    Servers take the lowest; ``from_top`` gives one that stays closed while they start.
    """
    first, last = (int(bound) for bound in PORTS.split("-"))
    ports = range(first, last + 1)
    for port in reversed(ports) if from_top else ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in TEST_PORTS={PORTS}")


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def text(self):
        return self.body.decode()


def request(port, path, method="GET", headers=None, body=None, timeout=10):
    """Send one HTTP request to 127.0.0.1:``port`` and return the answer, redirects unfollowed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})}
        )
        answer = connection.getresponse()
        return Response(answer.status, dict(answer.getheaders()), answer.read())
    finally:
        connection.close()


def database_url_for_servers(host=None, port=None, **query):
    """Return the address of the tests' PostgreSQL database, for app servers started by a test.

    ``host`` and ``port`` lead elsewhere, such as to a proxy in front of PostgreSQL.
    """
    database = settings.DATABASES["default"]
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    host = host or database["HOST"] or "127.0.0.1"
    port = port or database["PORT"] or 5432
    address = f"postgres://{credentials}@{host}:{port}/{database['NAME']}"
    return f"{address}?{urlencode(query)}" if query else address


def production_environment(**overrides):
    """Return the environment of an app server with production settings."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "CACHE_", "S3_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="migration_portal.settings.production",
        DJANGO_SECRET_KEY="tests-" + "k" * 50,
        DJANGO_ALLOWED_HOSTS="news.example.org",
        PYTHONUNBUFFERED="1",
    )
    environment.update(overrides)
    return environment


def manage(*arguments, environment):
    """Run manage.py with ``environment``; return the finished process."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass
class Gunicorn:
    """gunicorn serving the site with the project's gunicorn.conf.py; the log in a file."""

    environment: dict
    log_path: Path
    workers: int = 1
    port: int = 0
    process: subprocess.Popen = None

    def start(self):
        self.port = self.port or free_port()
        self.environment = {
            **self.environment,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(self.workers),
        }
        self.log = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "migration_portal.wsgi:application",
            ],
            cwd=settings.BASE_DIR,
            env=self.environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start:\n{self.log_text()}")
            with contextlib.suppress(OSError):
                request(self.port, "/healthz", timeout=5)
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within 30 s:\n{self.log_text()}")

    def get(self, path, **kwargs):
        return request(self.port, path, **kwargs)

    def log_text(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


class TcpProxy:
    """Forward a loopback port to a server; ``cut()`` drops every connection and refuses new.

    Stands between the app and PostgreSQL or Redis, so that a test can take the service away
    from the app, and give it back, without touching the service itself.
    """

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.connections = []
        self.lock = threading.Lock()
        self.listener = None
        self.stopping = False
        self.listen()

    def listen(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self.listener.settimeout(0.2)
        threading.Thread(target=self.accept, args=(self.listener,), daemon=True).start()

    def accept(self, listener):
        while not self.stopping and listener.fileno() != -1:
            try:
                client, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections.append((client, upstream))
            threading.Thread(target=self.pump, args=(client, upstream), daemon=True).start()

    def pump(self, client, upstream):
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        try:
            while True:
                for key, _events in selector.select(timeout=1):
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except (OSError, ValueError):
            return
        finally:
            selector.close()
            client.close()
            upstream.close()

    def cut(self):
        """Close the port and every connection through it, as a crashed server would."""
        self.listener.close()
        with self.lock:
            for client, upstream in self.connections:
                for end in (client, upstream):
                    with contextlib.suppress(OSError):
                        end.shutdown(socket.SHUT_RDWR)
                    end.close()
            self.connections.clear()

    def restore(self):
        """Listen again on the same port."""
        self.listen()

    def close(self):
        self.stopping = True
        self.cut()
