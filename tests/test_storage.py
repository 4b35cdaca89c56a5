"""Uploaded files on S3-compatible object storage, through Django's default storage.

Runs against a real S3-compatible server on loopback: the one CI starts (S3_TEST_ENDPOINT,
which must answer), else a moto server these tests start themselves.
"""

import contextlib
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import override_settings

from tests.servers import free_port

CREDENTIALS = {"access_key": "testing", "secret_key": "testing", "region_name": "us-east-1"}


def answers(endpoint):
    try:
        with urllib.request.urlopen(endpoint, timeout=3):
            return True
    except urllib.error.HTTPError:
        return True  # an S3 error document is an answer
    except OSError:
        return False


def wait_for(endpoint, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if answers(endpoint):
            return True
        time.sleep(0.2)
    return False


@pytest.fixture(scope="session")
def s3_endpoint():
    """Return the address of a running S3-compatible server."""
    given = os.environ.get("S3_TEST_ENDPOINT")
    if given:
        assert answers(given), (
            f"The S3-compatible server at S3_TEST_ENDPOINT={given} does not answer"
        )
        yield given
        return
    assert not settings.CI, "CI must start an S3-compatible server and set S3_TEST_ENDPOINT"
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(endpoint), "moto's server did not start"
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint):
    """Make a fresh bucket and point Django's default storage at it, as production would."""
    name = f"media-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
        region_name=CREDENTIALS["region_name"],
    )
    client.create_bucket(Bucket=name)
    backend = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": name,
            "endpoint_url": s3_endpoint,
            "querystring_auth": False,
            "file_overwrite": False,
            **CREDENTIALS,
        },
    }
    with override_settings(STORAGES={**settings.STORAGES, "default": backend}):
        yield client, name
    with contextlib.suppress(Exception):
        for item in client.list_objects_v2(Bucket=name).get("Contents", []):
            client.delete_object(Bucket=name, Key=item["Key"])
        client.delete_bucket(Bucket=name)


def test_a_file_is_stored_read_back_and_deleted(bucket, s3_endpoint):
    client, name = bucket
    storage = storages["default"]

    saved = storage.save("releases/2026/photo.jpg", ContentFile(b"\xff\xd8 picture bytes"))

    assert saved == "releases/2026/photo.jpg"
    assert client.get_object(Bucket=name, Key=saved)["Body"].read() == b"\xff\xd8 picture bytes"
    with storage.open(saved) as stored:
        assert stored.read() == b"\xff\xd8 picture bytes"
    assert storage.size(saved) == len(b"\xff\xd8 picture bytes")
    assert storage.url(saved) == f"{s3_endpoint}/{name}/releases/2026/photo.jpg"

    storage.delete(saved)

    assert not storage.exists(saved)
    assert client.list_objects_v2(Bucket=name).get("KeyCount") == 0


def test_a_second_upload_of_the_same_name_never_replaces_the_first(bucket):
    storage = storages["default"]
    first = storage.save("releases/photo.jpg", ContentFile(b"first"))
    second = storage.save("releases/photo.jpg", ContentFile(b"second"))

    assert first != second
    with storage.open(first) as stored:
        assert stored.read() == b"first"


def test_the_bucket_is_chosen_by_the_environment():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from migration_portal.settings import dev as s; o = s.STORAGES['default'];"
            "print(o['BACKEND'], o['OPTIONS']['bucket_name'], o['OPTIONS']['endpoint_url'])",
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "S3_BUCKET": "portal-media", "S3_ENDPOINT_URL": "http://s3.internal"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [
        "storages.backends.s3.S3Storage",
        "portal-media",
        "http://s3.internal",
    ]
