"""Reads for collections (arrangementen): who sees them, their items, licences and listings."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)

from metadata.licence_compatibility import (
    LicenceDecision,
    adaptation_licences,
    collection_licence,
)
from metadata.licences import LICENCES, Licence
from repository.models import (
    Collection,
    CollectionItem,
    Material,
    MaterialSource,
    MaterialVersion,
    VersionFile,
)

MATERIAL_SEARCH_LIMIT = 20
MEMBERSHIP_LIMIT = 10


def can_view_collection(user, collection: Collection) -> bool:
    """Public and unlisted collections are for anyone with the link; private ones for the owner."""
    if collection.deleted_at is not None:
        return False
    if collection.visibility != Collection.Visibility.PRIVATE:
        return True
    return user.is_authenticated and collection.owner_id == user.pk


def can_edit_collection(user, collection: Collection) -> bool:
    return (
        collection.deleted_at is None and user.is_authenticated and collection.owner_id == user.pk
    )


def collection_for_page(pk: int) -> Collection | None:
    """Return the collection (deleted or not) with what its page shows besides the items."""
    return (
        Collection.objects.select_related("owner", "based_on")
        .prefetch_related("levels", "subjects")
        .filter(pk=pk)
        .first()
    )


@dataclass(frozen=True)
class CollectionEntry:
    """One item of a collection as shown and downloaded: a section, or a material if available."""

    item: CollectionItem
    # The material's newest published version; None when the material is no longer available.
    version: MaterialVersion | None = None
    # The number of a material among the collection's materials, counting from 1.
    position: int = 0

    @property
    def is_section(self) -> bool:
        return self.item.kind == CollectionItem.Kind.SECTION

    @property
    def material(self) -> Material | None:
        return self.item.material

    @property
    def is_available(self) -> bool:
        return self.version is not None

    @property
    def title(self) -> str:
        return self.version.title if self.version else self.item.title

    @property
    def licence(self) -> Licence | None:
        return LICENCES.get(self.version.licence) if self.version else None


@dataclass
class CollectionPart:
    """A section heading (or none, for what comes before the first) with the materials under it."""

    heading: CollectionEntry | None
    entries: list[CollectionEntry] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.entries[0].position if self.entries else 1


def _is_available(material: Material | None) -> bool:
    return (
        material is not None
        and material.live
        and not material.is_withdrawn
        and material.deleted_at is None
    )


def collection_entries(
    collection: Collection, *, with_files: bool = False, with_sources: bool = False
) -> list[CollectionEntry]:
    """Return the items in order, each available material with its newest version.

    A fixed number of queries, however many items: items with materials and owners, co-authors,
    newest versions, and on request the versions' files and the materials' remix sources.
    """
    items = list(collection.items.select_related("material__owner").order_by("sort_order", "pk"))
    materials = [item.material for item in items if _is_available(item.material)]
    newest_number = (
        MaterialVersion.objects.filter(material=OuterRef("material"))
        .order_by("-number")
        .values("number")[:1]
    )
    versions = MaterialVersion.objects.filter(number=Subquery(newest_number))
    if with_files:
        files = VersionFile.objects.select_related("stored_file").order_by("sort_order")
        versions = versions.prefetch_related(Prefetch("files", queryset=files))
    lookups = ["co_authors", Prefetch("versions", queryset=versions, to_attr="newest_versions")]
    if with_sources:
        sources = MaterialSource.objects.order_by("sort_order", "pk")
        lookups.append(Prefetch("sources", queryset=sources, to_attr="source_rows"))
    prefetch_related_objects(materials, *lookups)

    entries, position = [], 0
    for item in items:
        if item.kind == CollectionItem.Kind.SECTION:
            entries.append(CollectionEntry(item=item))
            continue
        position += 1
        material = item.material
        newest = getattr(material, "newest_versions", None) if _is_available(material) else None
        entries.append(
            CollectionEntry(item=item, version=newest[0] if newest else None, position=position)
        )
    return entries


def collection_parts(entries: list[CollectionEntry]) -> list[CollectionPart]:
    """Group the entries under their section headings, for a page with headings and lists."""
    parts = [CollectionPart(heading=None)]
    for entry in entries:
        if entry.is_section:
            parts.append(CollectionPart(heading=entry))
        else:
            parts[-1].entries.append(entry)
    if not parts[0].entries:
        parts.pop(0)
    return parts


def item_licence_codes(entries: Iterable[CollectionEntry]) -> list[str]:
    """Return the licences of the available materials: the ones the collection passes on."""
    return [entry.version.licence for entry in entries if entry.is_available]


def collection_licence_decision(
    collection: Collection, *, item_codes: Iterable[str], adding: Iterable[str] = ()
) -> LicenceDecision:
    """Decide which licences the collection may carry with these items (and any being added).

    A copy of another collection is an adaptation of it as well, so that source's licence
    (ShareAlike, NonCommercial) also limits the choice.
    """
    decision = collection_licence([*item_codes, *adding])
    source = collection.based_on if collection.based_on_id else None
    if source is None:
        return decision
    from_source = adaptation_licences([source.licence])
    licences = tuple(code for code in decision.licences if code in from_source.licences)
    reasons = tuple(dict.fromkeys([*decision.reasons, *from_source.reasons]))
    return LicenceDecision(allowed=bool(licences), licences=licences, reasons=reasons)


def collections_public(query: str = "") -> QuerySet[Collection]:
    """Return public collections whose title or summary holds every word, with material counts."""
    collections = Collection.objects.public()
    for word in query.split():
        collections = collections.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return _with_counts(collections).select_related("owner").order_by("-updated_at", "-pk")


def collections_for_dashboard(user) -> QuerySet[Collection]:
    """Return the user's own collections, newest change first, with material counts."""
    return _with_counts(Collection.objects.owned_by(user)).order_by("-updated_at", "-pk")


def collection_choices(user) -> list[tuple[int, str]]:
    """Return (pk, title) of the user's collections, for the "add to a collection" menu."""
    return list(
        Collection.objects.owned_by(user).order_by("title", "pk").values_list("pk", "title")
    )


def collections_containing(material: Material, *, limit: int = MEMBERSHIP_LIMIT) -> list:
    """Return public collections that hold the material, newest change first."""
    holds = CollectionItem.objects.filter(collection=OuterRef("pk"), material=material)
    return list(
        Collection.objects.public()
        .filter(Exists(holds))
        .select_related("owner")
        .order_by("-updated_at", "-pk")[:limit]
    )


def materials_to_add(query: str, *, limit: int = MATERIAL_SEARCH_LIMIT) -> list[Material]:
    """Return published materials whose title holds every word of the query."""
    words = query.split()
    if not words:
        return []
    materials = Material.objects.published().filter(versions__isnull=False)
    for word in words:
        materials = materials.filter(title__icontains=word)
    return list(materials.distinct().select_related("owner").order_by("title", "pk")[:limit])


def _with_counts(collections: QuerySet[Collection]) -> QuerySet[Collection]:
    return collections.annotate(
        material_count=Count("items", filter=Q(items__kind=CollectionItem.Kind.MATERIAL))
    )
