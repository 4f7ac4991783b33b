"""Every concept of the vocabularies, held in each process and renewed when one changes.

Vocabularies are reference data: a few thousand concepts that change when an editor or an
import touches them, and that every material page, record and card reads. Each process keeps
them all in memory, with schemes and parents linked, under a generation kept in the shared
cache; a change to a concept or scheme drops the generation (at once and after commit), so
every process loads them again on its next read. Without a working cache every read loads
them afresh; with a cache of the process's own (no Redis), at least every 30 seconds.

The concepts are shared between requests: callers read them and never change them.
"""

import time
import uuid

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

from metadata.models import Concept

GENERATION_KEY = "metadata:concepts-generation:v1"
# With a cache of its own (no Redis), a process does not hear of changes made in another
# process; it then loads the concepts again after this long.
UNSHARED_SECONDS = 30

_loaded: dict = {"generation": None, "concepts": {}, "at": 0.0}


def _generation() -> str | None:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def concepts_by_pk() -> dict[int, Concept]:
    """Return every concept by primary key, with its scheme and parents loaded."""
    generation = _generation()
    fresh = _cache_is_shared() or time.monotonic() - _loaded["at"] < UNSHARED_SECONDS
    if generation is not None and _loaded["generation"] == generation and fresh:
        return _loaded["concepts"]
    concepts = {concept.pk: concept for concept in Concept.objects.select_related("scheme")}
    for concept in concepts.values():
        if concept.parent_id in concepts:
            concept.parent = concepts[concept.parent_id]
    _loaded.update(generation=generation, concepts=concepts, at=time.monotonic())
    return concepts


def _cache_is_shared() -> bool:
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def concepts_changed() -> None:
    """Make every process load the concepts again: now, and once the transaction commits.

    Now, so this transaction reads its own change; after commit, because another process may
    have loaded the concepts in between and seen them without the change.
    """
    cache.delete(GENERATION_KEY)
    transaction.on_commit(lambda: cache.delete(GENERATION_KEY), robust=True)
