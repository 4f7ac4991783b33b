from django.core.files.uploadedfile import SimpleUploadedFile

from metadata.models import Concept
from metadata.services import vocabularies_load_builtin
from repository import demo_files
from repository.models import Material
from repository.services.materials import (
    material_create_draft,
    material_publish,
    material_save_draft,
)


def upload(name: str = "breuken.pdf", data: bytes | None = None) -> SimpleUploadedFile:
    """A file as the browser sends it; its claimed content type is deliberately wrong."""
    if data is None:
        data = demo_files.pdf_bytes("Breuken vergelijken", [name])
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def complete_metadata() -> dict:
    vocabularies_load_builtin()
    return {
        "summary": "Oefeningen met breuken voor groep 6.",
        "levels": Concept.objects.filter(scheme__slug="levels", notation="groep 6"),
        "subjects": Concept.objects.filter(scheme__slug="subjects", notation="rw"),
        "licence": "cc-by-4.0",
        "language": "nl",
    }


def draft_material(owner, title="Breuken vergelijken", files=None) -> Material:
    files = files if files is not None else [upload()]
    return material_create_draft(owner=owner, title=title, uploads=[(f, f.name) for f in files])


def published_material(owner, title="Breuken vergelijken", files=None) -> Material:
    material = draft_material(owner, title=title, files=files)
    material_save_draft(material=material, user=owner, data=complete_metadata())
    material_publish(material=material, user=owner)
    material.refresh_from_db()
    return material
