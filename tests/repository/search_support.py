"""Published materials with chosen metadata, for the browse and search tests."""

from metadata.models import Concept
from metadata.services import vocabularies_load_builtin
from repository.models import Material
from repository.services.materials import material_publish, material_save_draft
from tests.repository.factories import draft_material, upload


def load_vocabularies() -> None:
    vocabularies_load_builtin()


def concept(scheme: str, notation: str) -> Concept:
    return Concept.objects.get(scheme__slug=scheme, notation=notation)


def publish(
    owner,
    title: str,
    *,
    summary: str = "Een leermiddel om te oefenen.",
    levels=("groep 6",),
    subjects=("rw",),
    accessibility=(),
    licence: str = "cc-by-4.0",
    language: str = "nl",
    keywords=(),
    review_status: str | None = None,
    files=None,
) -> Material:
    """Publish a material with the given metadata (concepts by notation) through the services."""
    material = draft_material(owner, title=title, files=files or [upload()])
    data = {
        "summary": summary,
        "levels": [concept("levels", notation) for notation in levels],
        "subjects": [concept("subjects", notation) for notation in subjects],
        "accessibility_features": [
            concept("accessibility-features", notation) for notation in accessibility
        ],
        "licence": licence,
        "language": language,
        "keywords": list(keywords),
    }
    material_save_draft(material=material, user=owner, data=data)
    material_publish(material=material, user=owner)
    if review_status is not None:
        Material.objects.filter(pk=material.pk).update(review_status=review_status)
    material.refresh_from_db()
    return material
