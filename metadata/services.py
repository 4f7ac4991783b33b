"""Writes to the vocabularies."""

import json
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from django.db import transaction

from metadata.models import Concept, ConceptScheme

BUILTIN_VOCABULARIES = Path(__file__).resolve().parent / "data" / "builtin_vocabularies.json"

# Foreign keys are resolved by the caller; checking them again would cost a query per field.
_CLEAN_EXCLUDE = ["scheme", "parent", "replaced_by", "levels", "subjects"]


class Change(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def concept_scheme_upsert(*, slug: str, uri: str, label_nl: str, label_en: str) -> ConceptScheme:
    """Create the scheme with this slug or bring its fields up to date."""
    values = {"uri": uri, "label_nl": label_nl, "label_en": label_en}
    scheme = ConceptScheme.objects.filter(slug=slug).first()
    if scheme is None:
        scheme = ConceptScheme(slug=slug, **values)
        scheme.full_clean()
        scheme.save()
        return scheme
    changed = [name for name, value in values.items() if getattr(scheme, name) != value]
    if changed:
        for name in changed:
            setattr(scheme, name, values[name])
        scheme.full_clean()
        scheme.save(update_fields=changed)
    return scheme


def concept_upsert(
    *,
    scheme: ConceptScheme,
    identifier: str,
    values: dict,
    relations: dict[str, Iterable[Concept]] | None = None,
) -> tuple[Concept, Change]:
    """Create or update one concept, writing only the fields and relations that differ."""
    # Fields left out of `values` keep their stored value, so an editor's change to them
    # survives a reload; `relations` replaces each listed many-to-many set as a whole.
    concept = Concept.objects.filter(scheme=scheme, identifier=identifier).first()
    if concept is None:
        concept = Concept(scheme=scheme, identifier=identifier, **values)
        concept.full_clean(exclude=_CLEAN_EXCLUDE)
        concept.save()
        change = Change.CREATED
    else:
        changed = [name for name, value in values.items() if _differs(concept, name, value)]
        change = Change.UNCHANGED
        if changed:
            for name in changed:
                setattr(concept, name, values[name])
            concept.full_clean(exclude=_CLEAN_EXCLUDE)
            concept.save(update_fields=changed)
            change = Change.UPDATED
    for name, targets in (relations or {}).items():
        targets = list(targets)
        manager = getattr(concept, name)
        if set(manager.values_list("pk", flat=True)) != {target.pk for target in targets}:
            manager.set(targets)
            if change is Change.UNCHANGED:
                change = Change.UPDATED
    return concept, change


def _differs(concept: Concept, name: str, value) -> bool:
    field = Concept._meta.get_field(name)
    if field.is_relation:
        # Compare keys, not objects, so an unchanged foreign key costs no query.
        return getattr(concept, field.attname) != (value.pk if value is not None else None)
    return getattr(concept, name) != value


@transaction.atomic
def vocabularies_load_builtin(*, path: Path = BUILTIN_VOCABULARIES) -> int:
    """Create or update the built-in concept schemes; return the number of concepts."""
    data = json.loads(path.read_text(encoding="utf-8"))
    count = 0
    for scheme_data in data["schemes"]:
        scheme = concept_scheme_upsert(
            slug=scheme_data["slug"],
            uri=scheme_data["uri"],
            label_nl=scheme_data["label_nl"],
            label_en=scheme_data["label_en"],
        )
        by_identifier: dict[str, Concept] = {}
        successors: list[tuple[Concept, str]] = []
        for order, concept_data in enumerate(scheme_data["concepts"]):
            identifier = concept_data["identifier"]
            concept, _change = concept_upsert(
                scheme=scheme,
                identifier=identifier,
                values=_builtin_values(scheme_data, concept_data, order, by_identifier),
            )
            by_identifier[identifier] = concept
            if "replaced_by" in concept_data:
                successors.append((concept, concept_data["replaced_by"]))
            count += 1
        # A successor may come later in the list than the concept it replaces.
        for concept, successor in successors:
            concept_upsert(
                scheme=scheme,
                identifier=concept.identifier,
                values={"replaced_by": by_identifier[successor]},
            )
    return count


def _builtin_values(scheme_data: dict, concept_data: dict, order: int, earlier: dict) -> dict:
    identifier = concept_data["identifier"]
    parent = concept_data.get("parent")
    if parent is not None and parent not in earlier:
        raise ValueError(f"{identifier}: parent {parent} must come earlier in the list.")
    values = {
        "uri": concept_data.get("uri") or scheme_data["concept_uri"].format(identifier=identifier),
        "notation": concept_data.get("notation", ""),
        "label_nl": concept_data["label_nl"],
        "label_en": concept_data["label_en"],
        "source": concept_data.get("source", scheme_data.get("source", "")),
        "parent": earlier[parent] if parent is not None else None,
        # Alphabetical lists leave ordering to the label, so imported terms slot in.
        "sort_order": 0 if scheme_data.get("alphabetical") else order,
    }
    for optional in ("definition_nl", "definition_en", "active"):
        if optional in concept_data:
            values[optional] = concept_data[optional]
    return values
