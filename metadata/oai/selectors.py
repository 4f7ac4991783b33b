"""Reads behind the OAI-PMH endpoint: which materials it exposes, with what datestamp."""

from collections.abc import Iterable
from datetime import datetime

from django.db import connection
from django.db.models import (
    Case,
    DateTimeField,
    Exists,
    F,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)

from metadata.concept_cache import concepts_by_pk
from metadata.models import Concept
from repository.models import CONCEPT_FIELDS, Material, MaterialVersion, VersionFile


def oai_datestamp_expression() -> Case:
    """Return the datestamp as SQL: when the material last changed for a harvester."""
    return Case(
        When(withdrawn_at__isnull=False, then=F("withdrawn_at")),
        When(live=True, then=F("last_published_at")),
        # Taken offline without a withdrawal (unpublished in the admin): the row's last save.
        default=F("updated_at"),
        output_field=DateTimeField(),
    )


def oai_datestamp(material: Material) -> datetime:
    """Return the datestamp of a material in Python, matching oai_datestamp_expression()."""
    if material.withdrawn_at is not None:
        return material.withdrawn_at
    if material.live:
        return material.last_published_at
    return material.updated_at


def oai_is_deleted(material: Material) -> bool:
    """Tell whether a once-published material is gone from the repository's public view."""
    return not material.live or material.withdrawn_at is not None or material.deleted_at is not None


def oai_materials() -> QuerySet[Material]:
    """Return every material a harvester may know of: published now, or published once.

    Drafts that were never published do not exist for OAI-PMH; withdrawn materials stay,
    as deleted records, because the repository declares deletedRecord "persistent".
    """
    return Material.objects.filter(first_published_at__isnull=False).annotate(
        oai_datestamp=oai_datestamp_expression()
    )


def oai_earliest_datestamp() -> datetime | None:
    return oai_materials().aggregate(earliest=Min("oai_datestamp"))["earliest"]


def materials_with_metadata(
    queryset: QuerySet[Material], *, current_version: bool = True
) -> QuerySet[Material]:
    """Return the queryset with what the serialisers read besides vocabularies, prefetched.

    Call `material_concepts_attach` on the fetched materials for their vocabulary fields.
    Without `current_version`, the caller loads the versions itself and sets
    `current_versions` (the material page, which shows them all).
    """
    latest_number = (
        MaterialVersion.objects.filter(material=OuterRef("material"))
        .order_by("-number")
        .values("number")[:1]
    )
    current_versions = MaterialVersion.objects.filter(number=Subquery(latest_number))
    version_files = VersionFile.objects.select_related("stored_file").order_by("sort_order")
    prefetches = [
        Prefetch(
            "versions",
            queryset=current_versions.prefetch_related(Prefetch("files", queryset=version_files)),
            to_attr="current_versions",
        )
    ]
    return queryset.select_related("owner").prefetch_related(
        *(prefetches if current_version else []),
        "co_authors",
        "sources",
        "tagged_keywords__tag",
    )


def material_concepts_attach(materials: Iterable[Material]) -> None:
    """Load every vocabulary field of the materials in one query, as a prefetch would.

    A prefetch per field costs seven queries; here one UNION reads the links of all seven
    fields, and the concepts themselves come from the process's vocabulary
    (`metadata.concept_cache`). Afterwards `material.subjects.all()` and the like answer from
    memory, in the vocabulary's own order.
    """
    by_pk = {material.pk: material for material in materials}
    if not by_pk:
        return
    grouped: dict[tuple[int, str], list[Concept]] = {
        (pk, name): [] for pk in by_pk for name in CONCEPT_FIELDS
    }
    concepts = concepts_by_pk()
    sql, params = _concept_links_sql(list(by_pk))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for material_id, concept_id, field_index in cursor.fetchall():
            concept = concepts.get(concept_id)
            if concept is None:
                # Added since this process loaded the vocabulary, before the cache heard of it.
                concept = Concept.objects.select_related("scheme", "parent").get(pk=concept_id)
            grouped[(material_id, CONCEPT_FIELDS[field_index])].append(concept)
    for (pk, name), values in grouped.items():
        values.sort(key=lambda concept: (concept.sort_order, concept.label_nl))
        material = by_pk[pk]
        # What Django's prefetch_related stores: the manager's queryset with its results.
        related = getattr(material, name).get_live_queryset()
        related._result_cache = values
        related._prefetch_done = True
        if not hasattr(material, "_prefetched_objects_cache"):
            material._prefetched_objects_cache = {}
        material._prefetched_objects_cache[name] = related


def _concept_links_sql(material_pks: list[int]) -> tuple[str, list]:
    """Return a UNION ALL of the seven link tables: material, concept, field's index."""
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(material_pks))
    branches, params = [], []
    for index, name in enumerate(CONCEPT_FIELDS):
        through = Material._meta.get_field(name).remote_field.through._meta
        material = quote(through.get_field("material").column)
        concept = quote(through.get_field("concept").column)
        branches.append(
            f"SELECT {material}, {concept}, {index} FROM {quote(through.db_table)} "  # noqa: S608
            f"WHERE {material} IN ({placeholders})"
        )
        params += material_pks
    return " UNION ALL ".join(branches), params


# What a header needs of a material: its identity, its datestamp and whether it is deleted.
HEADER_FIELDS = (
    "pk",
    "live",
    "withdrawn_at",
    "deleted_at",
    "first_published_at",
    "last_published_at",
    "updated_at",
)


def oai_material_page(
    queryset: QuerySet[Material], *, after_pk: int, size: int
) -> tuple[list[Material], bool]:
    """Return up to `size` materials after a primary key, and whether more follow.

    Keyset pagination: a page never depends on how many rows came before it, so rows
    added or changed during a harvest cannot shift later pages. Only what headers need is
    loaded, the levels as primary keys (`oai_level_pks`); metadata comes from
    metadata.oai.records.
    """
    rows = list(queryset.filter(pk__gt=after_pk).order_by("pk").only(*HEADER_FIELDS)[: size + 1])
    page = rows[:size]
    level_pks: dict[int, list[int]] = {}
    tagged = Material.levels.through.objects.filter(material_id__in=[row.pk for row in page])
    for material_id, concept_id in tagged.values_list("material_id", "concept_id"):
        level_pks.setdefault(material_id, []).append(concept_id)
    for material in page:
        material.oai_level_pks = level_pks.get(material.pk, [])
    return page, len(rows) > size


def oai_material(pk: int) -> Material | None:
    material = materials_with_metadata(oai_materials().filter(pk=pk)).first()
    if material is not None:
        material_concepts_attach([material])
    return material


def levels_by_pk() -> dict[int, tuple[str, int | None]]:
    """Return every level concept as pk -> (identifier, parent pk), in one query."""
    rows = Concept.objects.in_scheme("levels").values_list("pk", "identifier", "parent_id")
    return {pk: (identifier, parent) for pk, identifier, parent in rows}


def material_has_level_in(level_pks: set[int]) -> Q:
    """Return a filter for materials tagged with any of these levels."""
    tagged = Material.levels.through.objects.filter(
        material_id=OuterRef("pk"), concept_id__in=level_pks
    )
    return Q(Exists(tagged))
