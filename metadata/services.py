"""Writes to the vocabularies."""

import json
from pathlib import Path

from django.db import transaction

from metadata.models import Concept, ConceptScheme

BUILTIN_VOCABULARIES = Path(__file__).resolve().parent / "data" / "builtin_vocabularies.json"


@transaction.atomic
def vocabularies_load_builtin(*, path: Path = BUILTIN_VOCABULARIES) -> int:
    """Create or update the built-in concept schemes; return the number of concepts."""
    data = json.loads(path.read_text(encoding="utf-8"))
    count = 0
    for scheme_data in data["schemes"]:
        scheme, _ = ConceptScheme.objects.update_or_create(
            slug=scheme_data["slug"],
            defaults={
                "uri": scheme_data["uri"],
                "label_nl": scheme_data["label_nl"],
                "label_en": scheme_data["label_en"],
            },
        )
        by_identifier = {}
        for order, concept_data in enumerate(scheme_data["concepts"]):
            parent_identifier = concept_data.get("parent")
            concept = Concept(
                scheme=scheme,
                identifier=concept_data["identifier"],
                uri=scheme_data["concept_uri"].format(identifier=concept_data["identifier"]),
                notation=concept_data.get("notation", ""),
                label_nl=concept_data["label_nl"],
                label_en=concept_data["label_en"],
                parent=by_identifier.get(parent_identifier) if parent_identifier else None,
                sort_order=order,
            )
            concept.full_clean(
                exclude=["scheme", "parent"], validate_unique=False, validate_constraints=False
            )
            concept, _ = Concept.objects.update_or_create(
                scheme=scheme,
                identifier=concept.identifier,
                defaults={
                    field: getattr(concept, field)
                    for field in ("uri", "notation", "label_nl", "label_en", "parent", "sort_order")
                },
            )
            by_identifier[concept.identifier] = concept
            count += 1
    return count
