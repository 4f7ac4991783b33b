"""Find what storage and database disagree on: blobs nobody refers to, rows without bytes.

Bytes are written before their row commits, so a failed commit leaves an unreferenced blob
behind; the sweep removes such blobs once they are older than a grace period, which protects
uploads that are still between writing their bytes and committing their row.
"""

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from repository.models import FileDerivative, StoredFile
from repository.services.files import materials_storage

logger = logging.getLogger(__name__)


@dataclass
class SweepReport:
    unreferenced: list[tuple[str, int]] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    missing: list[StoredFile] = field(default_factory=list)

    @property
    def unreferenced_bytes(self) -> int:
        return sum(size for _name, size in self.unreferenced)


def _stored_names(storage, folder: str = "") -> Iterator[str]:
    """Yield every blob name under a folder of the storage (local disk or bucket)."""
    folders, files = storage.listdir(folder)
    prefix = f"{folder}/" if folder else ""
    for name in files:
        yield f"{prefix}{name}"
    for child in folders:
        yield from _stored_names(storage, f"{prefix}{child}")


def _referenced_names() -> set[str]:
    names = set(StoredFile.objects.available().values_list("storage_name", flat=True))
    names |= set(
        FileDerivative.objects.exclude(preview_name="").values_list("preview_name", flat=True)
    )
    return names


def _still_unreferenced(name: str) -> bool:
    # Checked again just before deleting: an upload of the same bytes may have committed since.
    return not (
        StoredFile.objects.available().filter(storage_name=name).exists()
        or FileDerivative.objects.filter(preview_name=name).exists()
    )


def storage_sweep(*, grace: timedelta, delete: bool = False) -> SweepReport:
    """Report unreferenced blobs older than `grace` (deleting them if asked) and missing bytes."""
    storage = materials_storage()
    report = SweepReport()
    referenced = _referenced_names()
    cutoff = timezone.now() - grace
    for name in _stored_names(storage):
        if name in referenced or storage.get_modified_time(name) > cutoff:
            continue
        report.unreferenced.append((name, storage.size(name)))
        if delete and _still_unreferenced(name):
            storage.delete(name)
            report.deleted.append(name)
            logger.info("storage sweep deleted unreferenced blob %s", name)
    # Taken-down files lost their bytes on purpose; every other row must have its blob.
    for stored_file in StoredFile.objects.available().order_by("pk").iterator():
        if not storage.exists(stored_file.storage_name):
            report.missing.append(stored_file)
    return report
