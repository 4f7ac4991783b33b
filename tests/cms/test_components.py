"""The real components behind the settings: Redis as cache, S3-compatible object storage."""

import uuid

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages

import boto3
import pytest
from moto.server import ThreadedMotoServer

from cms.settings.environment import cache_config, storages_config
from tests.conftest import require_service, service_answers


def test_redis_cache_stores_and_returns_values(settings):
    require_service("Redis", "127.0.0.1", 6379)
    settings.CACHES = cache_config(
        {"REDIS_URL": "redis://127.0.0.1:6379/15", "CACHE_KEY_PREFIX": f"test-{uuid.uuid4()}"}
    )
    cache = caches["default"]

    cache.set("leermiddel", {"titel": "Breuken"}, timeout=30)

    assert cache.get("leermiddel") == {"titel": "Breuken"}
    cache.delete("leermiddel")


@pytest.fixture(scope="module")
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


def test_s3_storage_writes_and_reads_the_bytes(s3_settings):
    storage = storages["default"]

    name = storage.save("materials/les.txt", ContentFile(b"breuken vergelijken"))

    with storage.open(name) as stored:
        assert stored.read() == b"breuken vergelijken"


def test_s3_storage_keeps_the_first_file_when_a_name_is_reused(s3_settings):
    storage = storages["default"]

    first = storage.save("materials/les.txt", ContentFile(b"eerste versie"))
    second = storage.save("materials/les.txt", ContentFile(b"tweede versie"))

    assert first != second
    with storage.open(first) as stored:
        assert stored.read() == b"eerste versie"


def test_s3_storage_hands_out_signed_short_lived_urls(s3_settings):
    storage = storages["default"]
    name = storage.save("materials/les.txt", ContentFile(b"x"))

    url = storage.url(name)

    assert "Signature=" in url or "X-Amz-Signature=" in url
    assert "Expires=300" in url or "X-Amz-Expires=300" in url
