"""Background tasks of the repository (django-tasks: immediate in development, queued at scale)."""

from django_tasks import task

from repository.models import StoredFile
from repository.services.derivatives import file_derivative_process


@task()
def derive_stored_file(stored_file_id: int, force: bool = False) -> str:
    """Derive a stored file's preview and text; return the derivative's status."""
    stored_file = StoredFile.objects.filter(pk=stored_file_id).first()
    if stored_file is None:
        return "missing"
    return file_derivative_process(stored_file=stored_file, force=force).status
