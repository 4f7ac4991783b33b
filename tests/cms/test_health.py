import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_every_component_works(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "storage": "ok", "cache": "ok"}


def test_healthz_names_a_cache_that_does_not_answer(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Port 9 (discard) has no Redis behind it.
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]


def test_healthz_names_storage_that_cannot_be_written(client, settings, tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("storage cannot live under a file")
    settings.MEDIA_ROOT = not_a_folder / "media"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
    assert response.json()["checks"]["database"] == "ok"


def test_healthz_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]


def test_healthz_names_storage_when_the_materials_store_fails(client, settings, tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("materials cannot live under a file")
    settings.STORAGES = {
        **settings.STORAGES,
        "materials": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(not_a_folder / "materials")},
        },
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
