"""Per-user limits on uploads: a storage quota and an hourly rate, checked before bytes are stored.

The quota counts each distinct stored file once, at its size, when it is held by one of the
user's own materials (live, draft, an earlier version or the bin) or was uploaded by them.
Editors and administrators upload for the alliance and have no quota; everyone but
administrators keeps the hourly rate, which guards against a stolen account flooding storage.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Sum
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from accounts.roles import EDITORS
from repository.filetypes import FileRefused
from repository.models import MaterialFile, StoredFile, VersionFile

RATE_WINDOW_SECONDS = 3600


@dataclass(frozen=True)
class StorageUse:
    used: int
    limit: int | None

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(self.limit - self.used, 0)


def upload_quota_bytes(user) -> int | None:
    """Return how many bytes the user may keep, or None for no limit."""
    if user.is_superuser or user.groups.filter(name=EDITORS).exists():
        return None
    return settings.UPLOAD_QUOTA_BYTES


def storage_used_bytes(user) -> int:
    """Sum the sizes of the distinct files the user's materials hold or that they uploaded."""
    own_files = StoredFile.objects.available().filter(
        Q(uploaded_by=user)
        | Q(pk__in=MaterialFile.objects.filter(material__owner=user).values("stored_file_id"))
        | Q(
            pk__in=VersionFile.objects.filter(version__material__owner=user).values(
                "stored_file_id"
            )
        )
    )
    return own_files.aggregate(total=Sum("size"))["total"] or 0


def storage_use(user) -> StorageUse:
    return StorageUse(used=storage_used_bytes(user), limit=upload_quota_bytes(user))


def _rate_key(user) -> str:
    window = int(time.time() // RATE_WINDOW_SECONDS)
    return f"rate:upload:{window}:user:{user.pk}"


def upload_allowance_check(user, *, size: int) -> None:
    """Raise FileRefused when this upload would exceed the user's hourly rate or quota."""
    if not user.is_superuser and cache.get(_rate_key(user), 0) >= settings.UPLOAD_RATE_PER_HOUR:
        raise FileRefused(
            _(
                "Je hebt het afgelopen uur al %(count)s bestanden geüpload. Wacht even en "
                "probeer het later opnieuw."
            )
            % {"count": settings.UPLOAD_RATE_PER_HOUR}
        )
    use = storage_use(user)
    if use.limit is not None and use.used + size > use.limit:
        raise FileRefused(
            _(
                "Je opslagruimte is vol: je gebruikt %(used)s van %(limit)s en dit bestand is "
                "%(size)s. Vraag de redactie om meer ruimte."
            )
            % {
                "used": filesizeformat(use.used),
                "limit": filesizeformat(use.limit),
                "size": filesizeformat(size),
            }
        )


def upload_rate_count(user) -> None:
    """Count one upload towards the user's hourly rate."""
    key = _rate_key(user)
    # add() is a no-op when the counter exists; incr() is atomic on Redis and locmem.
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:
        # The counter expired between add() and incr(): this upload starts a new one.
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS)
