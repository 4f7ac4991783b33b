from datetime import UTC, datetime

from django.test import Client

import pytest

from metadata.services import vocabularies_load_builtin
from repository.models import Material
from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.metadata.oai_helpers import (
    GROEP_6,
    HAVO,
    HAVO_5,
    NS,
    PO,
    VO,
    concepts,
    errors,
    material_with,
    request_attributes,
    valid_oai,
)
from tests.repository.factories import draft_material

pytestmark = pytest.mark.django_db

OAI_URL = "/oai"


@pytest.fixture(autouse=True)
def admin_email(settings):
    settings.NLKA_OAI_ADMIN_EMAIL = "beheer@nlka.example"


@pytest.fixture
def teacher():
    vocabularies_load_builtin()
    return TeacherFactory(display_name="Anna de Vries")


def oai(client, **arguments):
    response = client.get(OAI_URL, arguments)
    assert response.status_code == 200
    return valid_oai(response.content)


def identifier(material: Material) -> str:
    return f"oai:testserver:material:{material.pk}"


def header_identifiers(document) -> list[str]:
    return document.xpath("//oai:header/oai:identifier/text()", namespaces=NS)


def set_datestamp(material: Material, moment: datetime) -> None:
    Material.objects.filter(pk=material.pk).update(last_published_at=moment)


def test_identify_describes_the_repository(client):
    document = oai(client, verb="Identify")

    (identify,) = document.findall("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:adminEmail", namespaces=NS) == "beheer@nlka.example"
    assert identify.findtext("oai:repositoryName", namespaces=NS)


def test_identify_declares_second_granularity_and_persistent_deleted_records(client):
    identify = oai(client, verb="Identify").find("oai:Identify", NS)

    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"


def test_identify_gives_the_oldest_datestamp_as_earliest(client, teacher):
    set_datestamp(material_with(teacher), datetime(2024, 3, 1, 8, 30, 15, 500, tzinfo=UTC))
    material_with(teacher)

    identify = oai(client, verb="Identify").find("oai:Identify", NS)

    assert identify.findtext("oai:earliestDatestamp", namespaces=NS) == "2024-03-01T08:30:15Z"


def test_identify_names_the_address_mail_comes_from_when_no_admin_is_configured(client, settings):
    del settings.NLKA_OAI_ADMIN_EMAIL
    settings.ADMINS = []
    settings.DEFAULT_FROM_EMAIL = "NLKA <info@nlka.example>"

    identify = oai(client, verb="Identify").find("oai:Identify", NS)

    assert identify.findtext("oai:adminEmail", namespaces=NS) == "info@nlka.example"


def test_list_metadata_formats_offers_dublin_core_and_nl_lom(client):
    document = oai(client, verb="ListMetadataFormats")

    formats = {
        element.findtext("oai:metadataPrefix", namespaces=NS): element.findtext(
            "oai:metadataNamespace", namespaces=NS
        )
        for element in document.iterfind("oai:ListMetadataFormats/oai:metadataFormat", NS)
    }
    assert formats == {
        "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
        "lom": "http://ltsc.ieee.org/xsd/LOM",
    }


def test_list_metadata_formats_of_a_published_material_offers_both_formats(client, teacher):
    material = material_with(teacher)

    document = oai(client, verb="ListMetadataFormats", identifier=identifier(material))

    assert document.xpath("//oai:metadataPrefix/text()", namespaces=NS) == ["oai_dc", "lom"]


def test_list_sets_offers_a_set_per_sector_and_per_level(client, teacher):
    document = oai(client, verb="ListSets")

    specs = document.xpath("//oai:setSpec/text()", namespaces=NS)
    assert {"sector", "sector:po", "sector:vo", "sector:so-vso", "sector:pro", "level"} <= set(
        specs
    )
    assert f"level:{GROEP_6}" in specs
    names = dict(zip(specs, document.xpath("//oai:setName/text()", namespaces=NS), strict=True))
    assert names["sector:po"] == "Primair onderwijs"
    assert names[f"level:{HAVO}"] == "havo"


def test_get_record_in_dublin_core(client, teacher):
    material = material_with(teacher)

    document = oai(
        client, verb="GetRecord", identifier=identifier(material), metadataPrefix="oai_dc"
    )

    (title,) = document.xpath("//oai:metadata/oai_dc:dc/dc:title/text()", namespaces=NS)
    assert title == "Breuken vergelijken"
    assert header_identifiers(document) == [identifier(material)]


def test_get_record_in_nl_lom_carries_the_obk_identifiers_of_the_levels(client, teacher):
    material = material_with(teacher, levels=concepts("levels", HAVO_5))

    document = oai(client, verb="GetRecord", identifier=identifier(material), metadataPrefix="lom")

    ids = document.xpath(
        "//lom:classification[lom:purpose/lom:value='educational level']//lom:taxon/lom:id/text()",
        namespaces=NS,
    )
    assert ids == [VO, HAVO, HAVO_5]


def test_list_identifiers_lists_a_header_per_published_material(client, teacher):
    materials = [material_with(teacher, title=f"Les {number}") for number in range(3)]

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert header_identifiers(document) == [identifier(material) for material in materials]
    assert not document.xpath("//oai:metadata", namespaces=NS)


@pytest.mark.parametrize("prefix", ["oai_dc", "lom"])
def test_list_records_gives_every_published_material_in_the_format_asked(client, teacher, prefix):
    materials = [material_with(teacher, title=f"Les {number}") for number in range(2)]

    document = oai(client, verb="ListRecords", metadataPrefix=prefix)

    assert header_identifiers(document) == [identifier(material) for material in materials]
    assert len(document.xpath("//oai:record/oai:metadata/*", namespaces=NS)) == 2


def test_drafts_that_were_never_published_never_appear(client, teacher):
    draft = draft_material(teacher, title="Nog niet klaar")
    published = material_with(teacher)

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert header_identifiers(document) == [identifier(published)]
    gone = oai(client, verb="GetRecord", identifier=identifier(draft), metadataPrefix="oai_dc")
    assert errors(gone) == ["idDoesNotExist"]


def test_a_withdrawn_material_is_a_deleted_header_dated_at_its_withdrawal(client, teacher):
    material = material_with(teacher)
    material_withdraw(material=material, user=teacher, reason="Verouderd")
    Material.objects.filter(pk=material.pk).update(
        withdrawn_at=datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC)
    )

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    (header,) = document.findall("oai:ListIdentifiers/oai:header", NS)
    assert header.get("status") == "deleted"
    assert header.findtext("oai:datestamp", namespaces=NS) == "2025-02-03T04:05:06Z"


def test_list_records_gives_a_withdrawn_material_as_a_header_without_metadata(client, teacher):
    material = material_with(teacher)
    material_withdraw(material=material, user=teacher, reason="Verouderd")

    document = oai(client, verb="ListRecords", metadataPrefix="lom")

    (record,) = document.findall("oai:ListRecords/oai:record", NS)
    assert record.find("oai:header", NS).get("status") == "deleted"
    assert record.find("oai:metadata", NS) is None


def test_get_record_of_a_withdrawn_material_is_a_deleted_header(client, teacher):
    material = material_with(teacher)
    material_withdraw(material=material, user=teacher, reason="Verouderd")

    document = oai(client, verb="GetRecord", identifier=identifier(material), metadataPrefix="lom")

    assert document.xpath("//oai:record/oai:header/@status", namespaces=NS) == ["deleted"]
    assert not document.xpath("//oai:metadata", namespaces=NS)


def test_datestamps_are_utc_to_the_second(client, teacher):
    material = material_with(teacher)
    set_datestamp(material, datetime(2024, 5, 1, 12, 0, 59, 999999, tzinfo=UTC))

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert document.xpath("//oai:datestamp/text()", namespaces=NS) == ["2024-05-01T12:00:59Z"]


def test_from_and_until_in_days_select_whole_days(client, teacher):
    early, middle, late = (material_with(teacher, title=f"Les {day}") for day in (1, 2, 3))
    for material, day in ((early, 1), (middle, 2), (late, 3)):
        set_datestamp(material, datetime(2024, 5, day, 23, 59, 59, tzinfo=UTC))

    document = oai(
        client,
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": "2024-05-02"},
        until="2024-05-02",
    )

    assert header_identifiers(document) == [identifier(middle)]


def test_from_and_until_in_seconds_include_both_ends(client, teacher):
    before, first, last, after = (material_with(teacher, title=f"Les {n}") for n in range(4))
    for material, second in ((before, 9), (first, 10), (last, 20), (after, 21)):
        set_datestamp(material, datetime(2024, 5, 1, 12, 0, second, 400000, tzinfo=UTC))

    document = oai(
        client,
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": "2024-05-01T12:00:10Z"},
        until="2024-05-01T12:00:20Z",
    )

    assert header_identifiers(document) == [identifier(first), identifier(last)]


def test_until_the_last_representable_day_leaves_the_range_open(client, teacher):
    material = material_with(teacher)

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="9999-12-31")

    assert header_identifiers(document) == [identifier(material)]


def test_a_sector_set_holds_materials_at_narrower_levels(client, teacher):
    primary = material_with(teacher, levels=concepts("levels", GROEP_6))
    material_with(teacher, levels=concepts("levels", HAVO_5))

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="sector:po")

    assert header_identifiers(document) == [identifier(primary)]


def test_a_level_set_holds_materials_at_that_level_and_narrower_ones(client, teacher):
    material_with(teacher, levels=concepts("levels", GROEP_6))
    havo_5 = material_with(teacher, levels=concepts("levels", HAVO_5))
    havo = material_with(teacher, levels=concepts("levels", HAVO))

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=f"level:{HAVO}")

    assert header_identifiers(document) == [identifier(havo_5), identifier(havo)]


def test_the_parent_sector_set_holds_every_material_with_a_sector(client, teacher):
    materials = [
        material_with(teacher, levels=concepts("levels", level)) for level in (GROEP_6, HAVO_5)
    ]

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="sector")

    assert header_identifiers(document) == [identifier(material) for material in materials]


def test_headers_name_the_sector_and_level_sets_of_a_material(client, teacher):
    material_with(teacher, levels=concepts("levels", GROEP_6))

    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert document.xpath("//oai:header/oai:setSpec/text()", namespaces=NS) == [
        "sector:po",
        f"level:{PO}",
        f"level:{GROEP_6}",
    ]


def test_request_element_echoes_the_arguments_of_a_valid_request(client, teacher):
    material_with(teacher)

    document = oai(client, verb="ListRecords", metadataPrefix="lom", set="sector:po")

    assert request_attributes(document) == {
        "verb": "ListRecords",
        "metadataPrefix": "lom",
        "set": "sector:po",
    }
    assert document.findtext("oai:request", namespaces=NS) == "http://testserver/oai"


def test_post_with_a_form_body_works_like_get_and_needs_no_csrf_token(teacher):
    material = material_with(teacher)
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        OAI_URL, {"verb": "GetRecord", "identifier": identifier(material), "metadataPrefix": "lom"}
    )

    assert response.status_code == 200
    assert header_identifiers(valid_oai(response.content)) == [identifier(material)]


def test_the_endpoint_answers_at_oai_without_a_trailing_slash_redirect(client):
    response = client.post(OAI_URL, {"verb": "Identify"})

    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/oai"


def test_responses_are_utf8_xml_that_no_cache_may_keep(client):
    response = client.get(OAI_URL, {"verb": "Identify"})

    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_other_http_methods_are_refused(client):
    assert client.put(OAI_URL).status_code == 405
