"""Settings follow the environment: database, files, cache, search and tasks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cms.settings.environment import (
    cache_config,
    database_options,
    env_bool,
    search_backends_config,
    storage_origins,
    storages_config,
    tasks_config,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def settings_under(module: str, environ: dict) -> dict:
    """Import a settings module in a fresh interpreter with exactly this environment."""
    script = (
        "import json, django\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        "print(json.dumps({'DATABASES': settings.DATABASES, 'STORAGES': settings.STORAGES,"
        " 'CACHES': settings.CACHES, 'DEBUG': settings.DEBUG,"
        " 'SECRET_KEY_LENGTH': len(settings.SECRET_KEY)}, default=str))"
    )
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": module, **environ}
    result = subprocess.run(  # noqa: S603 - fixed interpreter and script
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_default_database_is_a_sqlite_file_under_var(tmp_path):
    loaded = settings_under("cms.settings.dev", {"VAR_DIR": str(tmp_path)})

    database = loaded["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "db.sqlite3")


def test_database_url_selects_postgresql(tmp_path):
    loaded = settings_under(
        "cms.settings.dev",
        {"VAR_DIR": str(tmp_path), "DATABASE_URL": "postgres://nlka:geheim@db.example:5433/nlka"},
    )

    database = loaded["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example", 5433, "nlka")


def test_dev_generates_a_secret_key_once_and_keeps_it(tmp_path):
    first = settings_under("cms.settings.dev", {"VAR_DIR": str(tmp_path)})
    kept = (tmp_path / "secret_key").read_text()
    second = settings_under("cms.settings.dev", {"VAR_DIR": str(tmp_path)})

    assert first["SECRET_KEY_LENGTH"] >= 50
    assert (tmp_path / "secret_key").read_text() == kept
    assert second["SECRET_KEY_LENGTH"] == first["SECRET_KEY_LENGTH"]


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "cms.settings.production"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT_ROOT,
        env={**env, "VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_take_bucket_and_redis_from_the_environment(tmp_path):
    loaded = settings_under(
        "cms.settings.production",
        {
            "VAR_DIR": str(tmp_path),
            "SECRET_KEY": "x" * 64,
            "AWS_STORAGE_BUCKET_NAME": "nlka-files",
            "AWS_S3_ENDPOINT_URL": "https://s3.example",
            "REDIS_URL": "redis://cache.example:6379/1",
        },
    )

    assert loaded["DEBUG"] is False
    assert loaded["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert loaded["STORAGES"]["default"]["OPTIONS"]["bucket_name"] == "nlka-files"
    assert loaded["CACHES"]["default"]["BACKEND"] == "cms.cache_backends.ResilientRedisCache"


def test_without_a_bucket_files_go_to_local_disk():
    config = storages_config({})

    assert config["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_s3_storage_never_overwrites_and_signs_urls():
    options = storages_config(
        {"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"}
    )["default"]["OPTIONS"]

    assert options["file_overwrite"] is False
    assert options["querystring_auth"] is True
    assert options["endpoint_url"] == "http://127.0.0.1:9000"
    assert options["object_parameters"]["ContentDisposition"] == "attachment"


def test_without_redis_the_cache_is_local_memory():
    assert cache_config({})["default"]["BACKEND"].endswith("LocMemCache")


def test_redis_url_selects_the_redis_cache():
    config = cache_config({"REDIS_URL": "redis://127.0.0.1:6379/2"})["default"]

    assert config["BACKEND"] == "cms.cache_backends.ResilientRedisCache"
    assert config["LOCATION"] == "redis://127.0.0.1:6379/2"


def test_search_uses_the_database_unless_a_search_url_is_given():
    assert search_backends_config({})["default"]["BACKEND"] == "wagtail.search.backends.database"
    opensearch = search_backends_config(
        {"SEARCH_URL": "http://127.0.0.1:9200", "SEARCH_ENGINE": "opensearch2"}
    )["default"]
    assert opensearch["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert opensearch["URLS"] == ["http://127.0.0.1:9200"]


def test_unknown_search_engine_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="SEARCH_ENGINE must be one of"):
        search_backends_config({"SEARCH_URL": "http://x", "SEARCH_ENGINE": "solr"})


def test_tasks_run_immediately_by_default_and_queue_in_the_database_on_request():
    assert tasks_config({})["default"]["BACKEND"].endswith("ImmediateBackend")
    assert tasks_config({"TASKS_BACKEND": "database"})["default"]["BACKEND"] == (
        "django_tasks_db.DatabaseBackend"
    )


def test_unclear_boolean_is_refused():
    with pytest.raises(ValueError, match="DEBUG must be one of"):
        env_bool("DEBUG", default=False, environ={"DEBUG": "misschien"})


def test_sqlite_writers_wait_for_the_lock_instead_of_failing():
    options = database_options("django.db.backends.sqlite3")

    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 10
    assert "journal_mode=WAL" in options["init_command"]


def test_postgresql_gets_no_sqlite_options():
    assert database_options("django.db.backends.postgresql") == {}


def test_stored_files_need_no_extra_origin_on_local_disk():
    assert storage_origins({}) == []


def test_signed_s3_urls_on_a_custom_endpoint_are_allowed_by_the_csp():
    origins = storage_origins(
        {"AWS_STORAGE_BUCKET_NAME": "nlka", "AWS_S3_ENDPOINT_URL": "https://s3.example.nl:9000"}
    )

    assert origins == ["https://s3.example.nl:9000", "https://nlka.s3.example.nl:9000"]


def test_signed_s3_urls_on_aws_are_allowed_by_the_csp():
    origins = storage_origins(
        {"AWS_STORAGE_BUCKET_NAME": "nlka", "AWS_S3_REGION_NAME": "eu-west-1"}
    )

    assert origins == ["https://nlka.s3.amazonaws.com", "https://nlka.s3.eu-west-1.amazonaws.com"]
