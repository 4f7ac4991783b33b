"""Real file storage that fails the way an unreachable disk or bucket does."""

from django.core.files.storage import FileSystemStorage


class UnreadableStorage(FileSystemStorage):
    """Stores files but cannot read them back, as when the bucket stops answering reads."""

    def _open(self, name, mode="rb"):
        raise OSError("storage did not answer the read")


class UnwritableStorage(FileSystemStorage):
    """Reads files but cannot write new ones, as when the disk is full or the bucket refuses."""

    def _save(self, name, content):
        raise OSError("storage did not accept the write")


def use_materials_storage(settings, backend: type[FileSystemStorage]) -> None:
    """Swap the materials storage for a failing one over the same folder."""
    materials = settings.STORAGES["materials"]
    settings.STORAGES = {
        **settings.STORAGES,
        "materials": {**materials, "BACKEND": f"{backend.__module__}.{backend.__qualname__}"},
    }
