"""The real components behind the settings: Redis as cache, S3-compatible object storage."""

import uuid

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from cms.settings.environment import cache_config
from tests.conftest import require_service


def test_redis_cache_stores_and_returns_values(settings):
    require_service("Redis", "127.0.0.1", 6379)
    settings.CACHES = cache_config(
        {"REDIS_URL": "redis://127.0.0.1:6379/15", "CACHE_KEY_PREFIX": f"test-{uuid.uuid4()}"}
    )
    cache = caches["default"]

    cache.set("leermiddel", {"titel": "Breuken"}, timeout=30)

    assert cache.get("leermiddel") == {"titel": "Breuken"}
    cache.delete("leermiddel")


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


def test_the_redis_cache_reuses_one_client_and_its_connections(settings):
    require_service("Redis", "127.0.0.1", 6379)
    settings.CACHES = cache_config(
        {"REDIS_URL": "redis://127.0.0.1:6379/15", "CACHE_KEY_PREFIX": f"test-{uuid.uuid4()}"}
    )
    cache = caches["default"]
    cache.set("leermiddel", "Breuken", timeout=30)
    client = cache._cache.get_client("leermiddel")

    assert cache.get("leermiddel") == "Breuken"
    assert cache.get_many(["leermiddel", "ander"]) == {"leermiddel": "Breuken"}
    assert cache._cache.get_client("leermiddel", write=True) is client
    assert len(client.connection_pool._available_connections) == 1
    cache.delete("leermiddel")


def test_an_anonymous_page_cache_hit_asks_redis_once(client, settings, home_page):
    from unittest import mock

    from redis.connection import Connection

    require_service("Redis", "127.0.0.1", 6379)
    settings.CACHES = cache_config(
        {"REDIS_URL": "redis://127.0.0.1:6379/15", "CACHE_KEY_PREFIX": f"test-{uuid.uuid4()}"}
    )
    settings.PAGE_CACHE_SECONDS = 60
    assert client.get("/")["X-Page-Cache"] == "miss"
    client.cookies.clear()

    commands = []
    original = Connection.send_command

    def recording(connection, *args, **kwargs):
        commands.append(args[0])
        return original(connection, *args, **kwargs)

    with mock.patch.object(Connection, "send_command", recording):
        response = client.get("/")

    assert response["X-Page-Cache"] == "hit"
    assert commands == ["MGET"]
