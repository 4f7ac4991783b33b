"""Writes of stored files: content-addressed, typed from their bytes, never overwritten."""

import hashlib
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from repository.filetypes import FileRefused, detect_file_type, display_filename
from repository.image_metadata import image_without_location
from repository.models import StoredFile
from repository.polyglots import polyglot_check
from repository.virus_scan import scanner_configured

logger = logging.getLogger(__name__)

MATERIALS_STORAGE = "materials"


def materials_storage():
    return storages[MATERIALS_STORAGE]


def storage_name_for(sha256: str, extension: str) -> str:
    """Name a blob by its hash, so identical bytes share one object and names never collide."""
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}.{extension}"


def _sha256_of(upload: File) -> str:
    # HashingTemporaryFileUploadHandler hashed large uploads while they arrived.
    if known := getattr(upload, "sha256", None):
        return known
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def stored_file_create(*, upload: File, original_name: str, uploaded_by=None) -> StoredFile:
    """Store uploaded bytes once and return their StoredFile; raise FileRefused when not allowed.

    The blob is written before the row is committed: a failed commit leaves at most an
    unreferenced blob, never a row that points at missing bytes.
    """
    # Our messages repeat the name: it must not carry bidi overrides or control characters.
    original_name = display_filename(original_name)
    max_bytes = settings.NLKA_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise FileRefused(
            _("‘%(name)s’ is te groot: het mag hoogstens %(limit)s MB zijn.")
            % {"name": original_name, "limit": max_bytes // (1024 * 1024)}
        )
    if not upload.size:
        raise FileRefused(_("‘%(name)s’ is leeg.") % {"name": original_name})
    path = upload.temporary_file_path() if hasattr(upload, "temporary_file_path") else None
    file_type = detect_file_type(upload, original_name, path=path)
    polyglot_check(upload, file_type, original_name)
    if file_type.category == "image":
        upload = _without_location(upload, file_type.mime_type)
    sha256 = _sha256_of(upload)

    existing = StoredFile.objects.filter(sha256=sha256).first()
    if existing is not None:
        if existing.scan_status == StoredFile.ScanStatus.INFECTED:
            raise FileRefused(
                _("‘%(name)s’ bevat een virus (%(signature)s) en kan niet worden gedeeld.")
                % {"name": original_name, "signature": existing.scan_signature}
            )
        if existing.is_removed:
            raise FileRefused(
                _(
                    "‘%(name)s’ is eerder van het platform verwijderd en kan niet opnieuw "
                    "worden gedeeld."
                )
                % {"name": original_name}
            )
        return existing

    storage = materials_storage()
    name = storage_name_for(sha256, file_type.extension)
    if not storage.exists(name):
        if hasattr(upload, "temporary_file_path"):
            # The file system storage moves a temporary upload into place instead of copying.
            blob = upload
        else:
            blob = File(upload.file if hasattr(upload, "file") else upload, name=name)
        # Object stores take the Content-Type from this attribute; it must be ours.
        blob.content_type = file_type.mime_type
        saved_name = storage.save(name, blob)
        if saved_name != name:
            storage.delete(saved_name)
            raise OSError(f"storage renamed {name} to {saved_name}")
    try:
        with transaction.atomic():
            stored_file = StoredFile.objects.create(
                sha256=sha256,
                size=upload.size,
                mime_type=file_type.mime_type,
                storage_name=name,
                uploaded_by=uploaded_by,
                # With a scanner nobody gets the bytes until it has looked at them.
                scan_status=(
                    StoredFile.ScanStatus.PENDING
                    if scanner_configured()
                    else StoredFile.ScanStatus.NOT_SCANNED
                ),
            )
    except IntegrityError:
        # Someone stored the same bytes a moment ago.
        return StoredFile.objects.get(sha256=sha256)
    if stored_file.scan_status == StoredFile.ScanStatus.PENDING:
        _scan_after_commit(stored_file)
    else:
        _derive_after_commit(stored_file)
    return stored_file


def _without_location(upload: File, mime_type: str) -> File:
    """Return the upload, or its bytes without GPS coordinates when it carried them."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    cleaned = image_without_location(data, mime_type)
    return upload if cleaned == data else ContentFile(cleaned, name=upload.name)


def _derive_after_commit(stored_file: StoredFile) -> None:
    """Queue the preview and text extraction once the row is visible to the task's worker."""
    # Imported here: the task module builds on these services.
    from repository.tasks import derive_stored_file

    stored_file_id = stored_file.pk
    transaction.on_commit(lambda: derive_stored_file.enqueue(stored_file_id), robust=True)


def _scan_after_commit(stored_file: StoredFile) -> None:
    """Queue the virus scan; previews and text are derived only from bytes found clean."""
    from repository.tasks import scan_stored_file

    stored_file_id = stored_file.pk
    transaction.on_commit(lambda: scan_stored_file.enqueue(stored_file_id), robust=True)


@transaction.atomic
def stored_file_take_down(*, stored_file: StoredFile, user, reason: str) -> StoredFile:
    """Remove a file's bytes for legal reasons, keeping a record of who did it and why."""
    if not user.has_perm("repository.take_down_storedfile"):
        raise PermissionDenied("Only administrators may take files down.")
    if not reason.strip():
        raise ValueError("A takedown needs a reason.")
    stored_file.removed_at = timezone.now()
    stored_file.removed_by = user
    stored_file.removal_reason = reason.strip()
    stored_file.save(update_fields=["removed_at", "removed_by", "removal_reason"])
    storage_name = stored_file.storage_name
    # Delete the bytes only once the record of the takedown is safely committed.
    transaction.on_commit(lambda: materials_storage().delete(storage_name))
    # What was derived from the bytes (preview, text) goes with them; imported here as the
    # derivatives module builds on these services.
    from repository.services.derivatives import file_derivative_discard

    file_derivative_discard(stored_file=stored_file)
    logger.warning("file %s taken down by user %s", stored_file.sha256, user.pk)
    return stored_file
