"""Published materials and public collections as the read API's JSON.

Only what the public pages show: names of authors (never e-mail addresses or accounts),
no feedback, no reviewer identities. Labels come in Dutch and English side by side, and links
always point at the Dutch (canonical) pages, so a response never depends on the asker's
language and the shared page cache may keep it.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from metadata.licences import LICENCES
from metadata.models import Concept
from metadata.serializers.material_facts import (
    material_authors,
    material_description,
    material_keywords,
    material_url,
    utc,
)
from repository.models import Collection, Material, MaterialVersion, ReviewStatus
from repository.selectors.collections import CollectionEntry
from repository.selectors.review import ReviewSummary

LANGUAGE_CODES = ("nl", "en")


def _absolute(request, name: str, *args) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse(name, args=args))


def iso_moment(moment) -> str | None:
    return utc(moment).isoformat().replace("+00:00", "Z") if moment is not None else None


def in_both_languages(text) -> dict[str, str]:
    """Return a translatable text in Dutch and in English."""
    labels = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            labels[code] = str(text)
    return labels


def concept_json(concept: Concept) -> dict:
    return {
        "identifier": concept.identifier,
        "uri": concept.uri,
        "notation": concept.notation,
        "label": {"nl": concept.label_nl, "en": concept.label_en or concept.label_nl},
    }


def concepts_json(concepts) -> list[dict]:
    return [concept_json(concept) for concept in concepts]


def licence_json(code: str) -> dict:
    licence = LICENCES.get(code)
    if licence is None:
        return {"code": code, "uri": None, "label": {"nl": code, "en": code}}
    return {"code": code, "uri": licence.url, "label": in_both_languages(licence.label)}


def review_status_json(code: str) -> dict:
    label = ReviewStatus(code).label if code in ReviewStatus.values else code
    return {"code": code, "label": in_both_languages(label)}


def _authors(material: Material) -> list[dict]:
    return [{"name": author.name} for author in material_authors(material)]


def material_summary_json(material: Material, request) -> dict:
    """Return a material as an entry of the list."""
    return {
        "id": material.pk,
        "title": material.title,
        "summary": material.summary,
        "language": material.language,
        "licence": licence_json(material.licence),
        "review_status": review_status_json(material.review_status),
        "authors": _authors(material),
        "levels": concepts_json(material.levels.all()),
        "subjects": concepts_json(material.subjects.all()),
        "curriculum_goals": concepts_json(material.curriculum_goals.all()),
        "first_published_at": iso_moment(material.first_published_at),
        "last_published_at": iso_moment(material.last_published_at),
        "url": _absolute(request, "api:material_detail", material.pk),
        "page_url": material_url(material, request),
    }


def _version_json(material: Material, version: MaterialVersion, request) -> dict:
    files = []
    for row in version.files.all():
        stored = row.stored_file
        removed = stored.is_removed
        files.append(
            {
                "name": row.original_name,
                "role": row.role,
                "size": stored.size,
                "mime_type": stored.mime_type,
                # Bytes taken down for legal reasons are neither offered nor identified.
                "sha256": None if removed else stored.sha256,
                "removed": removed,
                "download_url": None
                if removed
                else _absolute(
                    request, "repository:file_download", material.pk, version.number, row.pk
                ),
            }
        )
    return {
        "number": version.number,
        "title": version.title,
        "licence": licence_json(version.licence),
        "change_note": version.change_note,
        "published_at": iso_moment(version.published_at),
        "zip_url": _absolute(request, "repository:version_zip", material.pk, version.number),
        "files": files,
    }


def _review_json(summary: ReviewSummary) -> dict:
    return {
        **review_status_json(summary.status),
        "framework_version": summary.framework_version or None,
        "reviewed_at": iso_moment(summary.reviewed_at),
        "reviewer_count": summary.reviewer_count,
    }


def material_detail_json(
    material: Material, request, *, versions: list[MaterialVersion], review: ReviewSummary
) -> dict:
    """Return everything the public page shows about a material, for machines."""
    page_url = material_url(material, request)
    sources = sorted(material.sources.all(), key=lambda source: (source.sort_order, source.pk))
    return {
        **material_summary_json(material, request),
        "description": material_description(material),
        "keywords": material_keywords(material),
        "resource_types": concepts_json(material.resource_types.all()),
        "end_user_roles": concepts_json(material.end_user_roles.all()),
        "accessibility_features": concepts_json(material.accessibility_features.all()),
        "accessibility_hazards": concepts_json(material.accessibility_hazards.all()),
        "accessibility_summary": material.accessibility_summary,
        "time_required_minutes": material.time_required,
        "review": _review_json(review),
        "versions": [_version_json(material, version, request) for version in versions],
        "based_on": [
            {
                "title": source.title,
                "authors": source.authors,
                "url": source.source_url,
                "version": source.version_number,
                "licence": licence_json(source.licence),
            }
            for source in sources
        ],
        "zip_url": _absolute(request, "repository:version_zip", material.pk, versions[0].number)
        if versions
        else None,
        "jsonld_id": page_url,
    }


def material_withdrawn_json(material: Material, message: str) -> dict:
    return {
        "error": {"code": "withdrawn", "message": message},
        "id": material.pk,
        "withdrawn_at": iso_moment(material.withdrawn_at),
    }


def collection_summary_json(collection: Collection, request) -> dict:
    return {
        "id": collection.pk,
        "title": collection.title,
        "summary": collection.summary,
        "language": collection.language,
        "licence": licence_json(collection.licence),
        "author": {"name": collection.owner.name},
        "levels": concepts_json(collection.levels.all()),
        "subjects": concepts_json(collection.subjects.all()),
        "material_count": collection.material_count,
        "updated_at": iso_moment(collection.updated_at),
        "url": _absolute(request, "api:collection_detail", collection.pk),
        "page_url": _absolute(request, "repository:collection_detail", collection.pk),
    }


def _entry_json(entry: CollectionEntry, request) -> dict:
    if entry.is_section:
        return {"type": "section", "title": entry.item.title}
    material = entry.material
    if not entry.is_available or material.deleted_at is not None:
        # No id, title or note: the material may now be someone's draft.
        return {"type": "material", "available": False}
    return {
        "type": "material",
        "available": True,
        "material_id": material.pk,
        "title": entry.title,
        "version": entry.version.number,
        "note": entry.item.note,
        "url": _absolute(request, "api:material_detail", material.pk),
        "page_url": material_url(material, request),
    }


def collection_detail_json(collection: Collection, request, *, entries) -> dict:
    return {
        **collection_summary_json(collection, request),
        "description": collection.description,
        "based_on_attribution": collection.based_on_attribution,
        "zip_url": _absolute(request, "repository:collection_zip", collection.pk),
        "items": [_entry_json(entry, request) for entry in entries],
    }
