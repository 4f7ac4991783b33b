"""Shared helpers for the OAI-PMH and serialiser tests: schemas, parsing, materials."""

from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from metadata.models import Concept
from repository.models import Material
from repository.services.materials import material_publish, material_save_draft
from tests.repository.factories import draft_material

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCHEMAS = SHARED / "schemas"
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "lom": "http://ltsc.ieee.org/xsd/LOM",
}
GROEP_6 = "abfb190f-e814-46f5-a9cc-ebd53f04018e"
PO = "512e4729-03a4-43a2-95ba-758071d1b725"
HAVO_5 = "cb61531d-61eb-4412-a52f-ca065ca37e39"
HAVO = "a3ddbe60-8478-4204-b769-6f5e9f4cbca2"
VO = "2a1401e9-c223-493b-9b86-78f6993b1a8d"


@cache
def _schema(relative: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.parse(str(SCHEMAS / relative), parser))


def schema(relative: str) -> etree.XMLSchema:
    """Return a schema from ../shared/schemas, loaded once; skip when the folder is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"the shared folder {SHARED} is missing, so the XML schemas are not available")
    return _schema(relative)


def valid_oai(content: bytes) -> etree._Element:
    """Parse an OAI-PMH response and assert it is valid against OAI-PMH + oai_dc + lomLoose."""
    document = etree.fromstring(content, etree.XMLParser(no_network=True))
    oai_schema = schema("driver/oai-lom-dc.xsd")
    assert oai_schema.validate(document), oai_schema.error_log
    return document


def valid_lom(record: etree._Element) -> etree._Element:
    """Assert a bare <lom> record is valid against lomLoose.xsd."""
    lom_schema = schema("lom/lomLoose.xsd")
    assert lom_schema.validate(record), lom_schema.error_log
    return record


def errors(document: etree._Element) -> list[str]:
    return document.xpath("oai:error/@code", namespaces=NS)


def request_attributes(document: etree._Element) -> dict[str, str]:
    return dict(document.find("oai:request", NS).attrib)


def concepts(scheme: str, *identifiers: str):
    return Concept.objects.filter(scheme__slug=scheme, identifier__in=identifiers)


def material_with(owner, title: str = "Breuken vergelijken", **metadata) -> Material:
    """Publish a material with groep 6 / rekenen-wiskunde metadata, overridden by `metadata`.

    Load the vocabularies first (vocabularies_load_builtin); unlike published_material this
    does not reload them, which keeps tests with many materials fast.
    """
    material = draft_material(owner, title=title)
    data = {
        "summary": "Oefeningen met breuken voor groep 6.",
        "levels": Concept.objects.filter(scheme__slug="levels", notation="groep 6"),
        "subjects": Concept.objects.filter(scheme__slug="subjects", notation="rw"),
        "licence": "cc-by-4.0",
        "language": "nl",
        **metadata,
    }
    material_save_draft(material=material, user=owner, data=data)
    material_publish(material=material, user=owner)
    material.refresh_from_db()
    return material
