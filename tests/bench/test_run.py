import argparse

import pytest

from bench.run import bench_database_url, bench_environment, parse_sizes
from bench.upload import upload_file_create
from repository.filetypes import detect_file_type


def test_sizes_are_sorted_and_deduplicated():
    assert parse_sizes("10000, 1000,1000") == [1000, 10000]


def test_sizes_must_be_positive():
    with pytest.raises(argparse.ArgumentTypeError):
        parse_sizes("0,1000")


def test_the_bench_database_lives_on_the_given_server_under_its_own_name():
    url = bench_database_url("postgres://postgres:secret@127.0.0.1:5432/nlka")

    assert url == "postgres://postgres:secret@127.0.0.1:5432/nlka_bench"


def test_the_bench_environment_runs_production_settings_on_plain_http(tmp_path):
    environment = bench_environment(var_dir=tmp_path, database_url=None, upload_mb=64)

    assert environment["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    assert environment["SECURE_SSL_REDIRECT"] == "0"
    assert len(environment["SECRET_KEY"]) >= 50
    assert int(environment["MAX_UPLOAD_MB"]) > 64
    assert "DATABASE_URL" not in environment
    assert environment["PAGE_CACHE_SECONDS"] == "0"


def test_the_bench_environment_caches_pages_in_its_own_part_of_redis(tmp_path):
    environment = bench_environment(
        var_dir=tmp_path, database_url=None, upload_mb=64, redis_url="redis://127.0.0.1:6379/0"
    )
    again = bench_environment(
        var_dir=tmp_path, database_url=None, upload_mb=64, redis_url="redis://127.0.0.1:6379/0"
    )

    assert environment["REDIS_URL"] == "redis://127.0.0.1:6379/0"
    assert int(environment["PAGE_CACHE_SECONDS"]) > 0
    assert environment["CACHE_KEY_PREFIX"] != again["CACHE_KEY_PREFIX"]


def test_the_upload_file_is_an_allowed_video_of_the_asked_size(tmp_path):
    path = upload_file_create(tmp_path / "upload.mp4", 3 * 1024 * 1024 + 5)

    assert path.stat().st_size == 3 * 1024 * 1024 + 5
    with path.open("rb") as handle:
        assert detect_file_type(handle, path.name, path=str(path)).mime_type == "video/mp4"
