"""Background tasks of the repository (django-tasks: immediate in development, queued at scale)."""

import logging

from django_tasks import task

from repository.models import StoredFile
from repository.services.derivatives import file_derivative_process
from repository.services.scanning import stored_file_scan
from repository.virus_scan import ScannerUnavailable

logger = logging.getLogger(__name__)


@task()
def derive_stored_file(stored_file_id: int, force: bool = False) -> str:
    """Derive a stored file's preview and text; return the derivative's status."""
    stored_file = StoredFile.objects.filter(pk=stored_file_id).first()
    if stored_file is None:
        return "missing"
    return file_derivative_process(stored_file=stored_file, force=force).status


@task()
def scan_stored_file(stored_file_id: int) -> str:
    """Scan a stored file for viruses; return its scan status ('pending' when clamd is down)."""
    stored_file = StoredFile.objects.filter(pk=stored_file_id).first()
    if stored_file is None:
        return "missing"
    try:
        return stored_file_scan(stored_file=stored_file).scan_status
    except ScannerUnavailable as error:
        # The file stays pending, unserved and unpublishable; `manage.py scan_pending` retries.
        logger.warning("file %s not scanned yet: %s", stored_file.sha256, error)
        return stored_file.scan_status
