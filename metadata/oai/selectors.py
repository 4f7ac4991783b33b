"""Reads behind the OAI-PMH endpoint: which materials it exposes, with what datestamp."""

from datetime import datetime

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

from metadata.models import Concept
from repository.models import Material, MaterialVersion, VersionFile


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


def _concepts_with_scheme():
    return Concept.objects.select_related("scheme")


def _levels_with_parents() -> Prefetch:
    # The level tree is shallow; three parents reach every OBK level's root.
    return Prefetch(
        "levels", queryset=Concept.objects.select_related("scheme", "parent__parent__parent")
    )


def materials_with_metadata(
    queryset: QuerySet[Material], *, current_version: bool = True
) -> QuerySet[Material]:
    """Return the queryset with everything the serialisers read, in a fixed number of queries.

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
        _levels_with_parents(),
        Prefetch("subjects", queryset=_concepts_with_scheme()),
        Prefetch("curriculum_goals", queryset=_concepts_with_scheme()),
        Prefetch("resource_types", queryset=_concepts_with_scheme()),
        Prefetch("end_user_roles", queryset=_concepts_with_scheme()),
        Prefetch("accessibility_features", queryset=_concepts_with_scheme()),
        Prefetch("accessibility_hazards", queryset=_concepts_with_scheme()),
    )


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
    return materials_with_metadata(oai_materials().filter(pk=pk)).first()


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
