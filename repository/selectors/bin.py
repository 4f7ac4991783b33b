"""Reads for the bin (prullenbak): what a teacher deleted and when it goes for good."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings

from repository.models import Collection, Material


def retention() -> timedelta:
    """Return how long deleted materials and collections wait in the bin before the purge."""
    return timedelta(days=settings.DELETED_RETENTION_DAYS)


def purge_date(deleted_at: datetime) -> datetime:
    """Return when an item deleted at this moment is removed for good."""
    return deleted_at + retention()


@dataclass(frozen=True)
class BinEntry:
    """A deleted material or collection, with the moment the purge removes it."""

    item: Material | Collection
    purge_at: datetime

    @property
    def is_material(self) -> bool:
        return isinstance(self.item, Material)


def bin_entries(user) -> list[BinEntry]:
    """Return the user's deleted materials and collections, the soonest purged first."""
    if not user.is_authenticated:
        return []
    materials = Material.objects.filter(owner=user, deleted_at__isnull=False)
    collections = Collection.objects.filter(owner=user, deleted_at__isnull=False)
    entries = [
        BinEntry(item=item, purge_at=purge_date(item.deleted_at))
        for item in [*materials, *collections]
    ]
    return sorted(entries, key=lambda entry: (entry.purge_at, entry.item.title))
