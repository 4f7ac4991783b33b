"""Reads of remix lineage: what a material is based on, what was made from it, what may follow."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.roles import TEACHERS
from accounts.services import user_has_role
from metadata.licence_compatibility import (
    LicenceDecision,
    adaptation_licences,
    licence_allows_adaptation,
)
from metadata.licences import LICENCES
from repository.attribution import attribution_for_source, source_inherited_lines
from repository.models import Material, MaterialSource, MaterialVersion

# Deeper trees say little more and would cost a query per generation.
LINEAGE_DEPTH = 5
DESCENDANTS_PER_GENERATION = 25


class Status:
    """Where a material in a lineage stands today."""

    PUBLIC = "public"
    WITHDRAWN = "withdrawn"
    DELETED = "deleted"


def _status(material: Material | None) -> str:
    if material is None:
        return Status.DELETED
    if material.live and not material.is_withdrawn:
        return Status.PUBLIC
    return Status.WITHDRAWN


@dataclass
class AncestorNode:
    """A source of a remix, as recorded: its version, attribution and what came before it."""

    source: MaterialSource
    status: str
    attribution: str
    url: str = ""
    parents: list["AncestorNode"] = field(default_factory=list)
    # Earlier generations that can no longer be followed by link, from the recorded text.
    earlier: list[str] = field(default_factory=list)


@dataclass
class DescendantNode:
    """A remix made from a material; a remix no longer public keeps only its place in the tree."""

    material_id: int
    title: str
    status: str
    version_number: int
    url: str = ""
    children: list["DescendantNode"] = field(default_factory=list)


@dataclass
class Lineage:
    ancestors: list[AncestorNode]
    descendants: list[DescendantNode]
    # Remixes left out to keep the page short: beyond the depth or the count per generation.
    descendants_left_out: int = 0


def material_lineage(material: Material) -> Lineage:
    """Return the material's ancestors and public descendants, one query or two per generation."""
    descendants, left_out = _descendants(material)
    return Lineage(
        ancestors=_ancestors(material), descendants=descendants, descendants_left_out=left_out
    )


def _source_rows(remix_ids) -> QuerySet[MaterialSource]:
    return MaterialSource.objects.filter(remix_id__in=remix_ids).select_related("source_material")


def _ancestors(material: Material) -> list[AncestorNode]:
    roots: list[AncestorNode] = []
    if not material.sources.all():
        # Most materials are no remix; with the sources prefetched this costs no query.
        return roots
    # Per material of this generation, the lists its sources belong in (one per path to it).
    waiting: dict[int, list[list[AncestorNode]]] = {material.pk: [roots]}
    for depth in range(LINEAGE_DEPTH):
        if not waiting:
            break
        followed: dict[int, list[list[AncestorNode]]] = {}
        for row in _source_rows(list(waiting)):
            node = _ancestor_node(row)
            for siblings in waiting[row.remix_id]:
                siblings.append(node)
            if row.source_material_id is None or depth == LINEAGE_DEPTH - 1:
                node.earlier = source_inherited_lines(row)
            else:
                followed.setdefault(row.source_material_id, []).append(node.parents)
        waiting = followed
    return roots


def _ancestor_node(row: MaterialSource) -> AncestorNode:
    status = _status(row.source_material)
    return AncestorNode(
        source=row,
        status=status,
        attribution=attribution_for_source(row).line,
        url=row.source_material.get_absolute_url() if status == Status.PUBLIC else "",
    )


def _descendants(material: Material) -> tuple[list[DescendantNode], int]:
    roots: list[DescendantNode] = []
    parents: dict[int, list[DescendantNode]] = {material.pk: roots}
    seen = {material.pk}
    left_out = 0
    for depth in range(LINEAGE_DEPTH + 1):
        if not parents:
            break
        # Drafts never show; a remix once published and then withdrawn keeps the tree whole.
        rows = MaterialSource.objects.filter(
            source_material_id__in=list(parents), remix__first_published_at__isnull=False
        ).exclude(remix_id__in=seen)
        if depth == LINEAGE_DEPTH:
            left_out += rows.order_by().values("remix_id").distinct().count()
            break
        shown = (
            rows.select_related("remix")
            .only(
                "remix_id",
                "source_material_id",
                "version_number",
                "remix__title",
                "remix__live",
                "remix__withdrawn_at",
            )
            .order_by("remix__title", "remix_id")
        )
        found: dict[int, list[DescendantNode]] = {}
        # A remix of two materials in one generation comes twice; twice the room covers that.
        for row in shown[: 2 * DESCENDANTS_PER_GENERATION]:
            if row.remix_id in found or len(found) == DESCENDANTS_PER_GENERATION:
                continue
            node = _descendant_node(row)
            parents[row.source_material_id].append(node)
            found[row.remix_id] = node.children
        if len(found) == DESCENDANTS_PER_GENERATION:
            left_out += rows.order_by().values("remix_id").distinct().count() - len(found)
        seen.update(found)
        parents = found
    return _without_hidden_leaves(roots), left_out


def _without_hidden_leaves(nodes: list[DescendantNode]) -> list[DescendantNode]:
    """Drop remixes that are no longer public unless a public remix descends from them."""
    kept = []
    for node in nodes:
        node.children = _without_hidden_leaves(node.children)
        if node.status == Status.PUBLIC or node.children:
            kept.append(node)
    return kept


def _descendant_node(row: MaterialSource) -> DescendantNode:
    remix = row.remix
    status = _status(remix)
    public = status == Status.PUBLIC
    return DescendantNode(
        material_id=remix.pk,
        title=remix.title if public else "",
        status=status,
        version_number=row.version_number,
        url=remix.get_absolute_url() if public else "",
    )


def latest_version(material: Material) -> MaterialVersion | None:
    # Loaded already by materials_with_metadata, or by the material page with all versions.
    known = getattr(material, "current_versions", None)
    if known is not None:
        return known[0] if known else None
    return material.versions.order_by("-number").first()


def remix_source_decision(material: Material) -> LicenceDecision:
    """Decide whether the material may be remixed now: published, and its licence allows it."""
    version = latest_version(material)
    if not (material.live and not material.is_withdrawn and version is not None):
        return LicenceDecision(allowed=False)
    refusal = licence_allows_adaptation(version.licence)
    if not refusal.allowed:
        return refusal
    return adaptation_licences([version.licence])


def remix_licence_decision(material: Material) -> LicenceDecision | None:
    """Return which licences the remix may carry given all its sources; None if not a remix."""
    licences = list(
        MaterialSource.objects.filter(remix_id=material.pk).values_list("licence", flat=True)
    )
    return adaptation_licences(licences) if licences else None


def remix_licence_error(material: Material, licence: str) -> str:
    """Return why a remix may not carry this licence given all its sources, or ""."""
    decision = remix_licence_decision(material)
    if decision is None or licence in decision.licences:
        return ""
    if not decision.licences:
        return " ".join(str(reason) for reason in decision.reasons)
    return _(
        "De licentie %(licence)s past niet bij de bronnen van je bewerking. Kies een van "
        "deze licenties: %(allowed)s."
    ) % {
        "licence": licence_label(licence),
        "allowed": ", ".join(licence_label(code) for code in decision.licences),
    }


def licence_label(code: str) -> str:
    return str(LICENCES[code].label) if code in LICENCES else code


@dataclass(frozen=True)
class RemixOffer:
    """What the material page offers a visitor: remixing, or why not, and remixes to add to."""

    decision: LicenceDecision
    is_teacher: bool
    drafts: list[Material]

    @property
    def licence_labels(self) -> list[str]:
        return [licence_label(code) for code in self.decision.licences]


def remix_offer(material: Material, user) -> RemixOffer:
    """Return what this user may do to adapt the published material."""
    decision = remix_source_decision(material)
    is_teacher = user_has_role(user, TEACHERS)
    drafts = remix_drafts_for_source(user, material) if is_teacher and decision.allowed else []
    return RemixOffer(decision=decision, is_teacher=is_teacher, drafts=drafts)


def remix_drafts_for_source(user, source: Material) -> list[Material]:
    """Return the user's unpublished remixes that do not use this source yet."""
    return list(
        Material.objects.editable_by(user)
        .filter(
            live=False,
            withdrawn_at__isnull=True,
            first_published_at__isnull=True,
            sources__isnull=False,
        )
        .exclude(pk=source.pk)
        .exclude(sources__source_material=source)
        .only("pk", "title")
        .order_by("title", "pk")
    )
