"""NL-LOM in the IEEE LOM XML binding (namespace http://ltsc.ieee.org/xsd/LOM)."""

from collections.abc import Iterable, Sequence

from lxml import etree

from metadata.models import Concept
from metadata.serializers.material_facts import (
    PUBLISHER_NAME,
    RemixSource,
    concept_path,
    concept_taxonomy,
    material_authors,
    material_current_version,
    material_description,
    material_keywords,
    material_licence,
    material_mime_types,
    material_url,
    utc,
)
from metadata.serializers.xml_text import xml_safe

LOM_NAMESPACE = "http://ltsc.ieee.org/xsd/LOM"
LOM_SCHEMA = "http://ltsc.ieee.org/xsd/lomv1.0/lomLoose.xsd"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"

LOM_V1 = "LOMv1.0"
NL_LOM = "nl_lom_v1p0"
METADATA_LANGUAGE = "nl"
# Vocabulary sources as Kennisnet's Edurep XSLTs (kennisnet/edurep-xslt) check them.
LEARNING_RESOURCE_TYPE_SOURCE = (
    "http://purl.edustandaard.nl/vdex_learningresourcetype_czp_20060628.xml"
)
LEARNING_RESOURCE_TYPES = frozenset(
    {
        "informatiebron",
        "open opdracht",
        "gesloten opdracht",
        "evaluatie- en toetsmateriaal",
        "verkennings- en onderzoeksmateriaal",
        "handleiding",
        "gereedschap",
        "professionaliseringsmateriaal",
    }
)
INTENDED_END_USER_ROLE_SOURCE = (
    "http://purl.edustandaard.nl/vdex_intendedenduserrole_lomv1p0_20060628.xml"
)
INTENDED_END_USER_ROLES = frozenset({"author", "learner", "manager", "teacher"})
COPYRIGHT_SOURCE = "https://purl.edustandaard.nl/copyrightsandotherrestrictions_nllom_20180530"
CLASSIFICATION_PURPOSE_SOURCE = "http://purl.edustandaard.nl/classification_purpose_nllom_20180530"
RELATION_KIND_SOURCE = "http://purl.edustandaard.nl/relation_kind_nllom_20131211"


def _q(tag: str) -> str:
    return f"{{{LOM_NAMESPACE}}}{tag}"


def _element(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _q(tag))
    if text is not None:
        element.text = xml_safe(text)
    return element


def _langstring(parent, tag: str, text: str, language: str = METADATA_LANGUAGE):
    element = _element(parent, tag)
    _element(element, "string", text).set("language", language)
    return element


def _vocabulary(parent, tag: str, source: str, value: str):
    element = _element(parent, tag)
    _element(element, "source", source)
    _element(element, "value", value)
    return element


def vcard(name: str, *, family_name: str = "", given_name: str = "", organisation: str = "") -> str:
    """Return a vCard 3.0 for a person or organisation; N is required, so it falls back to FN."""
    structured = f"{_vcard_text(family_name)};{_vcard_text(given_name)};;;"
    if not family_name:
        structured = f"{_vcard_text(name)};;;;"
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{structured}", f"FN:{_vcard_text(name)}"]
    if organisation:
        lines.append(f"ORG:{_vcard_text(organisation)}")
    lines.append("END:VCARD")
    return "\n".join(lines)


def _vcard_text(value: str) -> str:
    # RFC 2426 text values escape backslash, comma, semicolon and line breaks.
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return " ".join(value.splitlines())


def _person_vcard(user) -> str:
    if user.display_name or not user.last_name:
        return vcard(user.name)
    return vcard(user.name, family_name=user.last_name, given_name=user.first_name)


def material_lom(material, *, based_on: Sequence[RemixSource] = ()) -> etree._Element:
    """Return the material's NL-LOM record as a `lom` element.

    `based_on` lists the (title, URL) of the works this material remixes.
    """
    lom = etree.Element(_q("lom"), nsmap={None: LOM_NAMESPACE, "xsi": XSI_NAMESPACE})
    lom.set(f"{{{XSI_NAMESPACE}}}schemaLocation", f"{LOM_NAMESPACE} {LOM_SCHEMA}")
    url = material_url(material)
    _general(lom, material, url)
    _life_cycle(lom, material)
    _meta_metadata(lom)
    _technical(lom, material, url)
    _educational(lom, material)
    _rights(lom, material)
    for title, source_url in based_on:
        _relation_is_based_on(lom, title, source_url)
    _classification(lom, "educational level", material.levels.all())
    _classification(lom, "discipline", material.subjects.all())
    _classification(lom, "educational objective", material.curriculum_goals.all())
    return lom


def _general(lom, material, url: str) -> None:
    general = _element(lom, "general")
    identifier = _element(general, "identifier")
    _element(identifier, "catalog", "URI")
    _element(identifier, "entry", url)
    _langstring(general, "title", material.title)
    _element(general, "language", material.language or METADATA_LANGUAGE)
    description = material_description(material)
    if description:
        _langstring(general, "description", description)
    for keyword in material_keywords(material):
        _langstring(general, "keyword", keyword)
    # A material bundles its files into one learning object: level 2 of LOM's four.
    _vocabulary(general, "aggregationLevel", LOM_V1, "2")


def _life_cycle(lom, material) -> None:
    life_cycle = _element(lom, "lifeCycle")
    version = material_current_version(material)
    if version is not None:
        _langstring(life_cycle, "version", str(version.number), language="x-none")
    author = _element(life_cycle, "contribute")
    _vocabulary(author, "role", LOM_V1, "author")
    for user in material_authors(material):
        _element(author, "entity", _person_vcard(user))
    _date(author, material.created_at)
    if material.first_published_at is not None:
        publisher = _element(life_cycle, "contribute")
        _vocabulary(publisher, "role", LOM_V1, "publisher")
        _element(publisher, "entity", vcard(PUBLISHER_NAME, organisation=PUBLISHER_NAME))
        _date(publisher, material.first_published_at)


def _date(contribute, moment) -> None:
    date = _element(contribute, "date")
    _element(date, "dateTime", utc(moment).date().isoformat())


def _meta_metadata(lom) -> None:
    meta = _element(lom, "metaMetadata")
    _element(meta, "metadataSchema", LOM_V1)
    _element(meta, "metadataSchema", NL_LOM)
    _element(meta, "language", METADATA_LANGUAGE)


def _technical(lom, material, url: str) -> None:
    technical = _element(lom, "technical")
    for mime_type in material_mime_types(material):
        _element(technical, "format", mime_type)
    _element(technical, "location", url)


def _educational(lom, material) -> None:
    educational = _element(lom, "educational")
    for concept in material.resource_types.all():
        # Only the values NL-LOM defines; an editor's own terms would be rejected by Edurep.
        if concept.notation in LEARNING_RESOURCE_TYPES:
            _vocabulary(
                educational,
                "learningResourceType",
                LEARNING_RESOURCE_TYPE_SOURCE,
                concept.notation,
            )
    for concept in material.end_user_roles.all():
        if concept.notation in INTENDED_END_USER_ROLES:
            _vocabulary(
                educational,
                "intendedEndUserRole",
                INTENDED_END_USER_ROLE_SOURCE,
                concept.notation,
            )
    if material.time_required:
        learning_time = _element(educational, "typicalLearningTime")
        _element(learning_time, "duration", f"PT{material.time_required}M")


def _rights(lom, material) -> None:
    rights = _element(lom, "rights")
    # Everything in the repository is open and free of charge.
    _vocabulary(rights, "cost", LOM_V1, "no")
    licence = material_licence(material)
    if licence is not None:
        _vocabulary(
            rights, "copyrightAndOtherRestrictions", COPYRIGHT_SOURCE, licence.nl_lom_copyright
        )
        _langstring(rights, "description", licence.url, language="x-none")


def _relation_is_based_on(lom, title: str, url: str) -> None:
    relation = _element(lom, "relation")
    _vocabulary(relation, "kind", RELATION_KIND_SOURCE, "isbasedon")
    resource = _element(relation, "resource")
    identifier = _element(resource, "identifier")
    _element(identifier, "catalog", "URI")
    _element(identifier, "entry", url)
    _langstring(resource, "description", title)


def _classification(lom, purpose: str, concepts: Iterable[Concept]) -> None:
    concepts = list(concepts)
    if not concepts:
        return
    classification = _element(lom, "classification")
    _vocabulary(classification, "purpose", CLASSIFICATION_PURPOSE_SOURCE, purpose)
    for concept in concepts:
        taxon_path = _element(classification, "taxonPath")
        _langstring(taxon_path, "source", concept_taxonomy(concept), language="x-none")
        for step in concept_path(concept):
            taxon = _element(taxon_path, "taxon")
            _element(taxon, "id", step.identifier)
            _langstring(taxon, "entry", step.label_nl)
