"""Reads of stored files and what was derived from them."""

from django.db.models import QuerySet

from repository.models import FileDerivative, StoredFile

FINISHED = (FileDerivative.Status.READY, FileDerivative.Status.UNAVAILABLE)


def stored_files_to_derive(*, everything: bool = False) -> QuerySet[StoredFile]:
    """Return available files without a finished derivative, or every available file."""
    files = StoredFile.objects.available().order_by("pk")
    return files if everything else files.exclude(derivative__status__in=FINISHED)
