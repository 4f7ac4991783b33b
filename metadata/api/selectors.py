"""Reads behind the read API: published materials and public collections only."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from metadata.api.filters import MaterialFilters
from metadata.api.paging import MAX_ID, Cursor, keyset_page
from metadata.models import Concept
from metadata.oai.selectors import material_concepts_attach, materials_with_metadata
from repository.models import Collection, CollectionItem, Material
from repository.selectors.search import published_text_matches


def _ordered_concepts() -> QuerySet[Concept]:
    return Concept.objects.order_by("sort_order", "label_nl", "pk")


def api_materials(filters: MaterialFilters) -> QuerySet[Material]:
    """Return the published materials matching the text (through the site's search) and filters."""
    # Both start from Material.objects.published(): drafts, withdrawn and deleted stay out.
    materials = (
        published_text_matches(filters.text) if filters.text else Material.objects.published()
    )
    return materials.filter(*filters.conditions, last_published_at__isnull=False)


def api_material_page(
    filters: MaterialFilters, *, cursor: Cursor | None, limit: int
) -> tuple[list[Material], Cursor | None]:
    """Return one page of the list with what each entry shows, in a fixed number of queries."""
    materials = (
        api_materials(filters)
        .select_related("owner")
        .prefetch_related(
            "co_authors",
            Prefetch("levels", queryset=_ordered_concepts()),
            Prefetch("subjects", queryset=_ordered_concepts()),
            Prefetch("curriculum_goals", queryset=_ordered_concepts()),
        )
    )
    return keyset_page(materials, field="last_published_at", cursor=cursor, limit=limit)


@dataclass(frozen=True)
class MaterialLookup:
    """A material the API may show (`material`), or that it was withdrawn, or nothing at all."""

    material: Material | None = None
    withdrawn: Material | None = None


def api_material(pk: int) -> MaterialLookup:
    """Return a published material with its metadata, or only the fact that it was withdrawn.

    Drafts, deleted materials and unknown ids all give an empty lookup, so an id alone never
    tells whether a draft exists.
    """
    if pk > MAX_ID:
        return MaterialLookup()
    row = (
        Material.objects.filter(pk=pk, deleted_at__isnull=True, first_published_at__isnull=False)
        .only("pk", "live", "withdrawn_at", "deleted_at", "first_published_at")
        .first()
    )
    if row is None:
        return MaterialLookup()
    if row.withdrawn_at is not None:
        return MaterialLookup(withdrawn=row)
    material = materials_with_metadata(Material.objects.published().filter(pk=pk)).first()
    if material is not None:
        material_concepts_attach([material])
    return MaterialLookup(material=material)


def _collection_lists(queryset: QuerySet[Collection]) -> QuerySet[Collection]:
    return (
        queryset.select_related("owner")
        .prefetch_related(
            Prefetch("levels", queryset=_ordered_concepts()),
            Prefetch("subjects", queryset=_ordered_concepts()),
        )
        .annotate(material_count=Count("items", filter=Q(items__kind=CollectionItem.Kind.MATERIAL)))
    )


def api_collection_page(
    *, cursor: Cursor | None, limit: int
) -> tuple[list[Collection], Cursor | None]:
    """Return one page of public collections, most recently changed first."""
    collections = _collection_lists(Collection.objects.public())
    return keyset_page(collections, field="updated_at", cursor=cursor, limit=limit)


def api_collection(pk: int) -> Collection | None:
    """Return a public collection; unlisted, private and deleted ones do not exist here."""
    if pk > MAX_ID:
        return None
    return _collection_lists(Collection.objects.public().filter(pk=pk)).first()
