from django.core.files.uploadedfile import SimpleUploadedFile

from metadata.models import Concept
from metadata.services import vocabularies_load_builtin
from repository import demo_files
from repository.models import Material, MaterialFile, MaterialSource
from repository.services.collections import collection_add_material, collection_create
from repository.services.materials import (
    material_create_draft,
    material_publish,
    material_save_draft,
)
from repository.services.remix import remix_add_source, remix_create


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


def published_material_under(licence: str, owner, title="Breuken vergelijken") -> Material:
    """A published material under the given licence code."""
    material = draft_material(owner, title=title)
    material_save_draft(
        material=material, user=owner, data={**complete_metadata(), "licence": licence}
    )
    material_publish(material=material, user=owner)
    material.refresh_from_db()
    return material


def make_published_remix(sources, owner, title: str) -> Material:
    """A remix of the sources, made through the remix service and published under its own title."""
    first, *others = sources
    remix = remix_create(source=first, user=owner)
    for source in others:
        remix_add_source(remix=remix, source=source, user=owner)
    material_save_draft(material=remix, user=owner, data={"title": title})
    material_publish(material=remix, user=owner)
    remix.refresh_from_db()
    return remix


def make_remix_row(
    source: Material, owner, *, title="Mijn bewerking", publish=False, own_files=()
) -> Material:
    """A remix of the source's newest version built directly: its files, and a source row."""
    version = source.versions.order_by("-number").first()
    remix = material_create_draft(
        owner=owner, title=title, uploads=[(f, f.name) for f in own_files]
    )
    own = list(remix.files.all())
    copied = [
        MaterialFile(stored_file_id=row.stored_file_id, original_name=row.original_name)
        for row in version.files.order_by("sort_order")
    ]
    for order, material_file in enumerate([*copied, *own]):
        material_file.sort_order = order
    remix.files.set([*copied, *own])
    remix.save()
    remix.save_revision(user=owner, clean=False)
    material_save_draft(
        material=remix, user=owner, data={**complete_metadata(), "licence": version.licence}
    )
    MaterialSource.objects.create(
        remix=remix,
        source_material=source,
        source_version=version,
        version_number=version.number,
        title=version.title,
        authors=source.owner.name,
        source_url=f"http://testserver{source.get_absolute_url()}",
        licence=version.licence,
        seen_version_number=version.number,
    )
    if publish:
        material_publish(material=remix, user=owner)
    remix.refresh_from_db()
    return remix


def collection_of(owner, materials=(), *, title="Breuken in groep 6", **fields):
    """A collection owned by the teacher holding the materials in order, built through services."""
    data = {"title": title, "language": "nl", "licence": "cc-by-4.0", **fields}
    collection = collection_create(owner=owner, data=data)
    for material in materials:
        collection_add_material(collection=collection, user=owner, material=material)
    collection.refresh_from_db()
    return collection
