"""Facts about a material that every serialisation shares, read from prefetched relations."""

from collections.abc import Sequence
from datetime import UTC, datetime

from django.conf import settings
from django.utils import translation

from metadata.licences import LICENCES, Licence
from metadata.models import Concept

PUBLISHER_NAME = "NLKA"

# Identifiers from the Onderwijsbegrippenkader, as Edurep expects them in NL-LOM.
OBK = "http://purl.edustandaard.nl/begrippenkader"
# SLO's curriculum ids are unique across its datasets, so one taxonomy covers them all.
SLO_CURRICULUM = "https://opendata.slo.nl/curriculum"
_TAXONOMY_BY_SOURCE = {"obk": OBK, "slo": SLO_CURRICULUM}

# A remix source as (title, absolute URL).
RemixSource = tuple[str, str]


def site_url(path: str) -> str:
    """Return the absolute URL of a site path, on the configured public base URL."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def material_url(material, request=None) -> str:
    """Return the material's public page as an absolute URL, in the default language."""
    # The Dutch URL is the canonical one; harvesters must not see /en/ variants.
    with translation.override(settings.LANGUAGE_CODE):
        path = material.get_absolute_url()
    if request is not None:
        return request.build_absolute_uri(path)
    return site_url(path)


def material_description(material) -> str:
    """Return the summary and the longer description as one text."""
    parts = [part.strip() for part in (material.summary, material.description)]
    return "\n\n".join(part for part in parts if part)


def material_authors(material) -> list:
    """Return the owner first, then the co-authors, each once."""
    authors = [material.owner]
    for co_author in sorted(material.co_authors.all(), key=lambda user: user.pk):
        if co_author.pk != material.owner_id:
            authors.append(co_author)
    return authors


def material_based_on(material) -> list[RemixSource]:
    """Return the works the material is a remix of, as recorded (sources may be prefetched)."""
    return [(source.title, source.source_url) for source in material.sources.all()]


def material_keywords(material) -> list[str]:
    """Return the material's keywords in a stable order."""
    return sorted(item.tag.name for item in material.tagged_keywords.all())


def material_licence(material) -> Licence | None:
    return LICENCES.get(material.licence)


def material_current_version(material):
    """Return the latest published version with its files, or None before the first one."""
    prefetched = getattr(material, "current_versions", None)
    if prefetched is not None:
        return prefetched[0] if prefetched else None
    return material.versions.order_by("-number").prefetch_related("files__stored_file").first()


def material_mime_types(material) -> list[str]:
    """Return the distinct types of the current version's files that are still available."""
    version = material_current_version(material)
    if version is None:
        return []
    types: list[str] = []
    for version_file in version.files.all():
        stored = version_file.stored_file
        if stored.removed_at is None and stored.mime_type not in types:
            types.append(stored.mime_type)
    return types


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def concept_taxonomy(concept: Concept, scheme=None) -> str:
    """Return the URI of the classification system the concept's identifier belongs to."""
    scheme = scheme if scheme is not None else concept.scheme
    return _TAXONOMY_BY_SOURCE.get(concept.source) or scheme.uri


def concept_path(concept: Concept) -> Sequence[Concept]:
    """Return the concept's broader concepts from the root down, ending with the concept.

    Only ancestors in the same classification system belong on the path.
    """
    path = [concept]
    seen = {concept.pk}
    parent = concept.parent
    while parent is not None and parent.pk not in seen and parent.source == concept.source:
        path.append(parent)
        seen.add(parent.pk)
        parent = parent.parent
    return path[::-1]
