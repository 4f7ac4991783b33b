"""Probes behind /healthz: each raises when its component does not answer."""

import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection

logger = logging.getLogger(__name__)


def probe_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def probe_storage() -> None:
    """Write, read back and delete a small file in the media and the materials storage."""
    for alias in ("default", "materials"):
        storage = storages[alias]
        name = storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
        try:
            with storage.open(name) as stored:
                if stored.read() != b"ok":
                    raise OSError(f"{alias} storage returned other bytes than were written")
        finally:
            storage.delete(name)


def probe_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise ConnectionError("cache did not return the value just written")
    cache.delete(key)


PROBES = {"database": probe_database, "storage": probe_storage, "cache": probe_cache}


def health_report() -> dict[str, bool]:
    """Run every probe; return which components answered."""
    report = {}
    for component, probe in PROBES.items():
        try:
            probe()
        except Exception:
            logger.exception("health probe failed: %s", component)
            report[component] = False
        else:
            report[component] = True
    return report
