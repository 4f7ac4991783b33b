import os
import socket
import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer

from cms.services import demo_site_ensure
from cms.settings.environment import storages_config


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Give every test its own media and materials folders, so no test sees another's files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "uploads").mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    settings.STORAGES = {
        **settings.STORAGES,
        "materials": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "materials"), "base_url": None},
        },
    }
    return settings.MEDIA_ROOT


@pytest.fixture
def home_page(db):
    """The site's Dutch home page with its demo pages and English translations."""
    return demo_site_ensure()


def service_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    """Skip when a local service is missing, except in CI, where it must be there."""
    if service_answers(host, port):
        return
    message = f"{name} does not answer on {host}:{port}"
    if os.environ.get("NLKA_REQUIRE_SERVICES"):
        pytest.fail(f"{message}, and NLKA_REQUIRE_SERVICES is set")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache: rate limits and cached pages must not leak."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def s3_endpoint():
    """An S3-compatible server on loopback (moto), reached over real HTTP."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    assert service_answers(host, port)
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_settings(settings, s3_endpoint, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    bucket = f"nlka-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-1").create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    settings.STORAGES = storages_config(
        {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": s3_endpoint,
            "AWS_S3_REGION_NAME": "eu-west-1",
        }
    )
    return bucket


@pytest.fixture
def s3_client(s3_endpoint, s3_settings):
    return boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-1")


@pytest.fixture(autouse=True)
def dutch_by_default():
    """Start every test in Dutch: a request to /en/ leaves English active in its thread."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.deactivate()
