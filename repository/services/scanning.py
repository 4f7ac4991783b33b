"""Virus scanning of stored files with ClamAV, after their upload has committed."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from repository.models import StoredFile
from repository.services.files import materials_storage
from repository.virus_scan import ScannerUnavailable, clamd_scan_file

logger = logging.getLogger(__name__)


def stored_file_scan(*, stored_file: StoredFile) -> StoredFile:
    """Scan a pending file: mark it clean, or infected with its bytes taken away.

    Raises ScannerUnavailable when clamd gives no verdict; the file then stays pending, so it
    is never served or published, and `manage.py scan_pending` tries again.
    """
    if stored_file.scan_status != StoredFile.ScanStatus.PENDING:
        return stored_file
    with materials_storage().open(stored_file.storage_name) as handle:
        verdict = clamd_scan_file(handle)
    return _verdict_record(stored_file.pk, infected=verdict.infected, signature=verdict.signature)


@transaction.atomic
def _verdict_record(stored_file_id: int, *, infected: bool, signature: str) -> StoredFile:
    stored_file = StoredFile.objects.select_for_update().get(pk=stored_file_id)
    if stored_file.scan_status != StoredFile.ScanStatus.PENDING:
        # Another worker got there first.
        return stored_file
    now = timezone.now()
    stored_file.scanned_at = now
    fields = ["scan_status", "scanned_at"]
    if infected:
        stored_file.scan_status = StoredFile.ScanStatus.INFECTED
        stored_file.scan_signature = signature
        # Taken down like a legal removal, by nobody: the bytes go, the record stays.
        stored_file.removed_at = now
        stored_file.removal_reason = _("Virus gevonden: %(signature)s") % {"signature": signature}
        fields += ["scan_signature", "removed_at", "removal_reason"]
        storage_name = stored_file.storage_name
        transaction.on_commit(lambda: materials_storage().delete(storage_name))
        logger.warning("file %s is infected with %s", stored_file.sha256, signature)
    else:
        stored_file.scan_status = StoredFile.ScanStatus.CLEAN
    stored_file.save(update_fields=fields)
    if not infected:
        # Imported here: the task module builds on these services.
        from repository.tasks import derive_stored_file

        transaction.on_commit(lambda: derive_stored_file.enqueue(stored_file_id), robust=True)
    return stored_file


def stored_files_scan_pending() -> dict[str, int]:
    """Scan every file still waiting for a verdict; return how many ended up in each state."""
    counts = {"clean": 0, "infected": 0, "pending": 0}
    pending = StoredFile.objects.filter(scan_status=StoredFile.ScanStatus.PENDING).order_by("pk")
    for stored_file in pending.iterator():
        try:
            status = stored_file_scan(stored_file=stored_file).scan_status
        except ScannerUnavailable as error:
            logger.warning("file %s not scanned: %s", stored_file.sha256, error)
            status = StoredFile.ScanStatus.PENDING
        counts[str(status)] += 1
    return counts


def files_scan_refusal(material_files) -> str:
    """Return why these files may not be submitted or published yet, or '' when they may."""
    names = {f.stored_file_id: f.original_name for f in material_files}
    waiting = StoredFile.objects.filter(
        pk__in=names,
        scan_status__in=[StoredFile.ScanStatus.PENDING, StoredFile.ScanStatus.INFECTED],
    ).order_by("pk")
    infected = [names[f.pk] for f in waiting if f.scan_status == StoredFile.ScanStatus.INFECTED]
    if infected:
        return _(
            "In %(names)s is een virus gevonden. Haal het bestand uit je leermiddel voordat je "
            "het indient."
        ) % {"names": ", ".join(f"‘{name}’" for name in infected)}
    if waiting:
        return _(
            "Bestand wordt nog op virussen gescand: %(names)s. Dat duurt meestal maar even; "
            "probeer het zo opnieuw."
        ) % {"names": ", ".join(f"‘{names[f.pk]}’" for f in waiting)}
    return ""
