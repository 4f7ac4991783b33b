"""Reads for the LTI tool: keys to publish, registrations, materials to pick and to show."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from lti.models import LaunchCount, Registration, ToolKey
from metadata.licences import LICENCES, Licence
from metadata.models import LEVELS, SUBJECTS, Concept
from repository.models import Collection, Material, MaterialVersion, VersionFile
from repository.selectors.collections import collections_public

PUBLISHED_KEY_STATUSES = (ToolKey.Status.NEXT, ToolKey.Status.CURRENT, ToolKey.Status.PREVIOUS)


def tool_jwks() -> dict:
    """Return the tool's public key set: next, current and previous keys, with their kids."""
    keys = ToolKey.objects.filter(status__in=PUBLISHED_KEY_STATUSES).order_by("created_at")
    return {"keys": [key.public_jwk for key in keys]}


def registration_find(*, issuer: str, client_id: str | None) -> Registration | None:
    """Return the active registration for the issuer and client; without a client, the only one.

    An issuer with several registrations must name its client: guessing one would let a
    login for one registration run under another.
    """
    registrations = Registration.objects.filter(issuer=issuer, active=True)
    if client_id:
        return registrations.filter(client_id=client_id).first()
    candidates = list(registrations[:2])
    return candidates[0] if len(candidates) == 1 else None


def registration_has_deployment(registration: Registration, deployment_id: str) -> bool:
    return registration.deployments.filter(deployment_id=deployment_id).exists()


def active_platform_origins() -> list[str]:
    """Return the origins of every active registration, for pages shown before we know which."""
    origins: list[str] = []
    for registration in Registration.objects.filter(active=True):
        origins += registration.platform_origins()
    return list(dict.fromkeys(origins))


def material_launch_count(material: Material) -> int:
    """Return how often the material was opened from learning environments (for "gebruikt in")."""
    total = LaunchCount.objects.filter(material=material).aggregate(total=Sum("count"))["total"]
    return total or 0


def picker_concepts(scheme: str) -> QuerySet[Concept]:
    return Concept.objects.active().in_scheme(scheme).order_by("sort_order", "label_nl")


def picker_materials(
    *, query: str = "", level: int | None = None, subject: int | None = None
) -> QuerySet[Material]:
    """Return published materials matching words in title or summary, and the level and subject."""
    materials = Material.objects.published()
    for word in query.split():
        materials = materials.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if level:
        materials = materials.filter(levels=level, levels__scheme__slug=LEVELS)
    if subject:
        materials = materials.filter(subjects=subject, subjects__scheme__slug=SUBJECTS)
    return materials.distinct().prefetch_related("levels", "subjects").order_by("title", "pk")


def picker_collections(
    *, query: str = "", level: int | None = None, subject: int | None = None, limit: int = 10
) -> list[Collection]:
    """Return the first public collections matching the words, the level and the subject."""
    collections = collections_public(query)
    if level:
        collections = collections.filter(levels=level)
    if subject:
        collections = collections.filter(subjects=subject)
    return list(collections.distinct()[:limit])


@dataclass(frozen=True)
class ViewerFile:
    version_file: VersionFile
    available: bool


@dataclass(frozen=True)
class ViewerMaterial:
    """A published material as the classroom viewer shows it: its current version and files."""

    material: Material
    version: MaterialVersion
    files: list[ViewerFile]
    licence: Licence | None
    authors: list[str]

    def attribution(self, material_url: str) -> str:
        """Return the TASL attribution line: title, author, source and licence."""
        licence = self.licence.label if self.licence else self.version.licence
        return _("“%(title)s” door %(authors)s, %(source)s, %(licence)s") % {
            "title": self.version.title,
            "authors": ", ".join(self.authors),
            "source": material_url,
            "licence": licence,
        }


def viewer_material(material_id: int) -> ViewerMaterial | None:
    """Return the published material with its current version, or None if it is not published."""
    material = (
        Material.objects.published()
        .select_related("owner")
        .prefetch_related("co_authors", "levels", "subjects", "resource_types")
        .filter(pk=material_id)
        .first()
    )
    if material is None:
        return None
    version = material.versions.order_by("-number").first()
    if version is None:
        return None
    files = [
        ViewerFile(version_file=version_file, available=not version_file.stored_file.is_removed)
        for version_file in version.files.select_related("stored_file").order_by("sort_order")
    ]
    authors = [material.owner.name] + [author.name for author in material.co_authors.all()]
    return ViewerMaterial(
        material=material,
        version=version,
        files=files,
        licence=LICENCES.get(version.licence),
        authors=authors,
    )
