"""Simple Dublin Core in OAI-PMH's `oai_dc` container."""

from lxml import etree

from metadata.serializers.material_facts import (
    PUBLISHER_NAME,
    material_authors,
    material_description,
    material_keywords,
    material_licence,
    material_mime_types,
    material_url,
    utc,
)
from metadata.serializers.xml_text import xml_safe

OAI_DC_NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
METADATA_LANGUAGE = "nl"

# DCMI Type Vocabulary terms for the kinds of files a material may hold.
_DCMI_TYPE_BY_MEDIA = {"image": "StillImage", "video": "MovingImage", "audio": "Sound"}


def dcmi_type(mime_type: str) -> str:
    """Return the DCMI Type that best describes a file of this type."""
    return _DCMI_TYPE_BY_MEDIA.get(mime_type.split("/", 1)[0], "Text")


def _dc(parent, tag: str, text: str, *, language: str | None = None) -> None:
    element = etree.SubElement(parent, f"{{{DC_NAMESPACE}}}{tag}")
    element.text = xml_safe(text)
    if language:
        element.set(XML_LANG, language)


def material_dublin_core(material) -> etree._Element:
    """Return the material's metadata as an `oai_dc:dc` element."""
    dc = etree.Element(
        f"{{{OAI_DC_NAMESPACE}}}dc",
        nsmap={"oai_dc": OAI_DC_NAMESPACE, "dc": DC_NAMESPACE, "xsi": XSI_NAMESPACE},
    )
    dc.set(f"{{{XSI_NAMESPACE}}}schemaLocation", f"{OAI_DC_NAMESPACE} {OAI_DC_SCHEMA}")
    _dc(dc, "title", material.title, language=METADATA_LANGUAGE)
    for author in material_authors(material):
        _dc(dc, "creator", author.name)
    for subject in material.subjects.all():
        _dc(dc, "subject", subject.label_nl, language=METADATA_LANGUAGE)
    for keyword in material_keywords(material):
        _dc(dc, "subject", keyword, language=METADATA_LANGUAGE)
    description = material_description(material)
    if description:
        _dc(dc, "description", description, language=METADATA_LANGUAGE)
    _dc(dc, "publisher", PUBLISHER_NAME)
    if material.first_published_at is not None:
        _dc(dc, "date", utc(material.first_published_at).date().isoformat())
    mime_types = material_mime_types(material)
    for dcmi in dict.fromkeys(dcmi_type(mime_type) for mime_type in mime_types):
        _dc(dc, "type", dcmi)
    for resource_type in material.resource_types.all():
        _dc(dc, "type", resource_type.label_nl, language=METADATA_LANGUAGE)
    for mime_type in mime_types:
        _dc(dc, "format", mime_type)
    _dc(dc, "identifier", material_url(material))
    _dc(dc, "language", material.language or METADATA_LANGUAGE)
    licence = material_licence(material)
    if licence is not None:
        _dc(dc, "rights", licence.url)
    return dc
