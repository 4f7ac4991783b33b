"""schema.org JSON-LD (`LearningResource`) for a material's public page."""

import json
from collections.abc import Iterable, Sequence

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from metadata.models import Concept
from metadata.serializers.material_facts import (
    PUBLISHER_NAME,
    RemixSource,
    concept_taxonomy,
    material_authors,
    material_current_version,
    material_description,
    material_keywords,
    material_licence,
    material_mime_types,
    material_url,
    site_url,
    utc,
)

SCHEMA_ORG = "https://schema.org"

# Inside <script>, "</script>" or "<!--" in a value would end or bend the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _defined_terms(concepts: Iterable[Concept], *, by_notation: bool = False) -> list[dict]:
    """Return DefinedTerms; `by_notation` when the notation is the vocabulary's own code."""
    return [
        {
            "@type": "DefinedTerm",
            "@id": concept.uri,
            "name": concept.label,
            "termCode": (concept.notation if by_notation else "") or concept.identifier,
            "inDefinedTermSet": concept_taxonomy(concept),
        }
        for concept in concepts
    ]


def _notations(concepts: Iterable[Concept]) -> list[str]:
    return [concept.notation or concept.identifier for concept in concepts]


def material_jsonld(material, request=None, *, based_on: Sequence[RemixSource] = ()) -> dict:
    """Return the material as a schema.org LearningResource, ready for json.dumps.

    `based_on` lists the (title, URL) of the works this material remixes.
    """
    url = material_url(material, request)
    licence = material_licence(material)
    version = material_current_version(material)
    data = {
        "@context": SCHEMA_ORG,
        "@type": "LearningResource",
        "@id": url,
        "url": url,
        "name": material.title,
        "description": material_description(material),
        "inLanguage": material.language,
        "educationalLevel": _defined_terms(material.levels.all()),
        "teaches": _defined_terms(material.curriculum_goals.all()),
        "about": _defined_terms(material.subjects.all()),
        "learningResourceType": _defined_terms(material.resource_types.all(), by_notation=True),
        "audience": [
            {"@type": "EducationalAudience", "educationalRole": role.notation or role.identifier}
            for role in material.end_user_roles.all()
        ],
        "license": licence.url if licence is not None else None,
        "isAccessibleForFree": True,
        "isBasedOn": [
            {"@type": "CreativeWork", "name": title, "url": source_url}
            for title, source_url in based_on
        ],
        "accessibilityFeature": _notations(material.accessibility_features.all()),
        "accessibilityHazard": _notations(material.accessibility_hazards.all()),
        "accessibilitySummary": material.accessibility_summary,
        "creator": [
            {"@type": "Person", "name": author.name} for author in material_authors(material)
        ],
        "publisher": {"@type": "Organization", "name": PUBLISHER_NAME, "url": site_url("/")},
        "keywords": material_keywords(material),
        "encodingFormat": material_mime_types(material),
        "datePublished": _iso(material.first_published_at),
        "dateModified": _iso(material.last_published_at),
        "version": version.number if version is not None else None,
    }
    if material.time_required:
        data["timeRequired"] = f"PT{material.time_required}M"
    # Missing single values are left out; lists stay, even empty, so consumers see the shape.
    return {key: value for key, value in data.items() if value not in (None, "")}


def _iso(moment) -> str | None:
    return utc(moment).isoformat().replace("+00:00", "Z") if moment is not None else None


def jsonld_script(data: dict) -> SafeString:
    """Return a <script type="application/ld+json"> element that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    # The translation above removed every character that could end the element.
    escaped = mark_safe(text)  # noqa: S308
    return format_html('<script type="application/ld+json">{}</script>', escaped)
