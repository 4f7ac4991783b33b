"""Turn environment variables into Django settings; plain functions so tests can call them."""

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_bool(name: str, *, default: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Read a yes/no variable, refusing values that are neither."""
    environ = os.environ if environ is None else environ
    if name not in environ:
        return default
    value = environ[name].strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ValueError(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}")


def env_list(name: str, *, default: list[str], environ: Mapping[str, str] | None = None) -> list:
    """Read a comma-separated list variable."""
    environ = os.environ if environ is None else environ
    if name not in environ:
        return default
    return [item.strip() for item in environ[name].split(",") if item.strip()]


def storages_config(
    environ: Mapping[str, str], *, materials_root: Path | str = "var/materials"
) -> dict:
    """Use S3-compatible object storage when a bucket is named, local files otherwise."""
    static = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            # Material files live outside MEDIA_ROOT, so no web server can serve them directly.
            "materials": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(materials_root), "base_url": None},
            },
            "staticfiles": static,
        }
    options = {
        "bucket_name": bucket,
        # Stored names are content-addressed; never let a write replace an object.
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": int(environ.get("AWS_QUERYSTRING_EXPIRE", "300")),
        "signature_version": "s3v4",
        "object_parameters": {"ContentDisposition": "attachment"},
    }
    for variable, option in (
        ("AWS_S3_ENDPOINT_URL", "endpoint_url"),
        ("AWS_S3_REGION_NAME", "region_name"),
        ("AWS_S3_CUSTOM_DOMAIN", "custom_domain"),
        ("AWS_LOCATION", "location"),
    ):
        if environ.get(variable):
            options[option] = environ[variable]
    if environ.get("AWS_S3_ADDRESSING_STYLE"):
        options["addressing_style"] = environ["AWS_S3_ADDRESSING_STYLE"]
    materials_options = {
        **options,
        "location": f"{options.get('location', '')}/materials".lstrip("/"),
    }
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "materials": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": materials_options},
        "staticfiles": static,
    }


def storage_origins(environ: Mapping[str, str]) -> list[str]:
    """Return the origins that serve stored files straight to browsers (signed S3 URLs).

    Previews, audio and video on the material page load from there, so the CSP must allow them.
    """
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return []
    if environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{environ['AWS_S3_CUSTOM_DOMAIN']}"]
    if environ.get("AWS_S3_ENDPOINT_URL"):
        endpoint = urlsplit(environ["AWS_S3_ENDPOINT_URL"])
        # Path-style URLs use the endpoint itself, virtual-hosted ones put the bucket in front.
        return [
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://{bucket}.{endpoint.netloc}",
        ]
    region = environ.get("AWS_S3_REGION_NAME")
    hosts = [f"{bucket}.s3.amazonaws.com"]
    if region:
        hosts.append(f"{bucket}.s3.{region}.amazonaws.com")
    return [f"https://{host}" for host in hosts]


def database_options(engine: str) -> dict:
    """Return connection options that let SQLite take concurrent writers without failing.

    Writers wait for the lock (instead of failing at once with "database is locked") and readers
    never block writers (write-ahead log). PostgreSQL needs nothing here.
    """
    if engine != "django.db.backends.sqlite3":
        return {}
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }


def cache_config(environ: Mapping[str, str]) -> dict:
    """Use Redis when REDIS_URL is set, process-local memory otherwise.

    "default" reads as empty while Redis is down (pages keep working); "counters" (log-in
    lockouts, rate limits) is the same Redis but raises, so those checks can fail closed.
    """
    redis_url = environ.get("REDIS_URL")
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    redis = {
        "LOCATION": redis_url,
        "KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", "nlka"),
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
    return {
        "default": {"BACKEND": "cms.cache_backends.ResilientRedisCache", **redis},
        "counters": {"BACKEND": "django.core.cache.backends.redis.RedisCache", **redis},
    }


def tasks_config(environ: Mapping[str, str]) -> dict:
    """Run background tasks at once unless TASKS_BACKEND=database asks for queued workers."""
    backend = environ.get("TASKS_BACKEND", "immediate")
    backends = {
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        "database": "django_tasks_db.DatabaseBackend",
        "dummy": "django_tasks.backends.dummy.DummyBackend",
    }
    if backend not in backends:
        raise ValueError(f"TASKS_BACKEND must be one of {sorted(backends)}; got {backend!r}")
    return {"default": {"BACKEND": backends[backend]}}


def search_backends_config(environ: Mapping[str, str]) -> dict:
    """Use the database search backend unless SEARCH_URL names an OpenSearch/Elasticsearch."""
    search_url = environ.get("SEARCH_URL")
    if not search_url:
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
    engines = {
        "opensearch2": "wagtail.search.backends.opensearch2",
        "opensearch3": "wagtail.search.backends.opensearch3",
        "elasticsearch8": "wagtail.search.backends.elasticsearch8",
        "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    }
    engine = environ.get("SEARCH_ENGINE", "opensearch2")
    if engine not in engines:
        raise ValueError(f"SEARCH_ENGINE must be one of {sorted(engines)}; got {engine!r}")
    return {
        "default": {
            "BACKEND": engines[engine],
            "URLS": [search_url],
            "INDEX": environ.get("SEARCH_INDEX", "nlka"),
            "TIMEOUT": 5,
        }
    }
