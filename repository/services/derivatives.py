"""Writes of file derivatives: the preview image, searchable text and page count of a stored file.

Deriving runs in a background task. It never raises: whatever goes wrong with a file is
recorded on its derivative, so an upload or a page view never fails because of it.
"""

import logging
import shutil
import tempfile
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from repository.extraction import extract_text, has_text
from repository.models import FileDerivative, Material, StoredFile
from repository.previews import (
    PREVIEW_EXTENSION,
    ToolMissing,
    has_preview,
    make_preview,
    missing_preview_tool,
)
from repository.services.files import materials_storage

logger = logging.getLogger(__name__)

FINISHED = (FileDerivative.Status.READY, FileDerivative.Status.UNAVAILABLE)
COPY_CHUNK_BYTES = 1024 * 1024


def preview_name_for(stored_file: StoredFile) -> str:
    """Name the preview after its source's hash, next to the source in the materials storage."""
    sha256 = stored_file.sha256
    return f"previews/{sha256[:2]}/{sha256[2:4]}/{sha256}.{PREVIEW_EXTENSION}"


@contextmanager
def _local_path(stored_file: StoredFile):
    """Yield a local path holding the file's bytes: the stored file itself, or a copy of it."""
    storage = materials_storage()
    try:
        path = storage.path(stored_file.storage_name)
    except NotImplementedError:  # Django's answer for storages without local files (S3)
        path = None
    if path is not None:
        # The tools only read the file, so a file on this disk is used in place.
        yield path
        return
    # An object store (S3) has no local path: copy the bytes down in chunks.
    with (
        tempfile.NamedTemporaryFile(prefix="nlka-derive-") as local,
        storage.open(stored_file.storage_name, "rb") as source,
    ):
        shutil.copyfileobj(source, local, COPY_CHUNK_BYTES)
        local.flush()
        yield local.name


def _save_preview(stored_file: StoredFile, data: bytes) -> str:
    storage = materials_storage()
    name = preview_name_for(stored_file)
    # Deriving again replaces the preview; the storage would otherwise pick a new name.
    if storage.exists(name):
        storage.delete(name)
    blob = ContentFile(data, name=name)
    blob.content_type = "image/webp"
    return storage.save(name, blob)


def file_derivative_process(*, stored_file: StoredFile, force: bool = False) -> FileDerivative:
    """Derive the preview, text and page count of a stored file; record failure instead of raising.

    Idempotent: a file already processed is left alone unless `force` asks to derive again.
    Deliberately not one transaction: deriving a video can take a minute, and SQLite would
    hold its write lock all that time.
    """
    derivative, _created = FileDerivative.objects.get_or_create(stored_file=stored_file)
    if derivative.status in FINISHED and not force:
        return derivative
    derivative.error = ""
    derivative.processed_at = timezone.now()
    if stored_file.is_removed:
        derivative.status = FileDerivative.Status.UNAVAILABLE
        derivative.error = "file was taken down"
        derivative.save()
        return derivative
    try:
        _derive(derivative, stored_file)
    except Exception as error:
        logger.warning("deriving file %s failed: %s", stored_file.pk, error)
        derivative.status = FileDerivative.Status.FAILED
        derivative.error = f"{type(error).__name__}: {error}"[:2000]
    derivative.save()
    if derivative.status == FileDerivative.Status.READY and derivative.text:
        transaction.on_commit(lambda: _reindex_materials_using(stored_file), robust=True)
    return derivative


@transaction.atomic
def file_derivative_discard(*, stored_file: StoredFile) -> None:
    """Forget the preview and text of a file taken down; the preview's bytes go after commit."""
    derivative = FileDerivative.objects.filter(stored_file=stored_file).first()
    if derivative is None:
        return
    preview_name = derivative.preview_name
    derivative.status = FileDerivative.Status.UNAVAILABLE
    derivative.preview_name = ""
    derivative.preview_width = derivative.preview_height = None
    derivative.text = ""
    derivative.error = "file was taken down"
    derivative.processed_at = timezone.now()
    derivative.save()
    if preview_name:
        transaction.on_commit(lambda: materials_storage().delete(preview_name))


def _derive(derivative: FileDerivative, stored_file: StoredFile) -> None:
    mime_type = stored_file.mime_type
    notes = []
    produced = False
    wants_preview = has_preview(mime_type)
    if wants_preview and (missing := missing_preview_tool(mime_type)):
        # No poster frame without ffmpeg: the page shows a placeholder instead.
        notes.append(missing)
        wants_preview = False
    wants_text = has_text(mime_type)
    # Nothing to draw or read from (a video without ffmpeg): its bytes are not touched.
    if wants_preview or wants_text:
        with _local_path(stored_file) as path:
            if wants_preview:
                try:
                    preview = make_preview(path, mime_type)
                except ToolMissing as missing:
                    # Removed since the check above: a placeholder, as without the tool.
                    notes.append(str(missing))
                else:
                    derivative.preview_name = _save_preview(stored_file, preview.data)
                    derivative.preview_width = preview.width
                    derivative.preview_height = preview.height
                    produced = True
            if wants_text:
                extraction = extract_text(path, mime_type)
                derivative.text = extraction.text
                derivative.page_count = extraction.page_count
                if extraction.truncated:
                    notes.append("text cut off at the extraction limits")
                produced = True
    derivative.error = "; ".join(notes)
    derivative.status = (
        FileDerivative.Status.READY if produced else FileDerivative.Status.UNAVAILABLE
    )


def _reindex_materials_using(stored_file: StoredFile) -> None:
    """Tell search that a file's text is known, so published materials holding it are found."""
    try:
        from repository.services.search import material_reindex_for_stored_file
    except ImportError:
        material_reindex_for_stored_file = None
    if material_reindex_for_stored_file is not None:
        material_reindex_for_stored_file(stored_file)
        return
    from wagtail.search.index import insert_or_update_object

    materials = Material.objects.published().filter(
        Q(files__stored_file=stored_file) | Q(versions__files__stored_file=stored_file)
    )
    for material in materials.distinct():
        insert_or_update_object(material)
