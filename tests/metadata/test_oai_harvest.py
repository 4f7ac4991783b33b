"""Harvests over real HTTP with Sickle, as harvesters do; few, as live-server tests are slow."""

import pytest
from sickle import Sickle

from metadata.services import vocabularies_load_builtin
from repository.services.materials import material_publish, material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.metadata.oai_helpers import NS, material_with, valid_oai
from tests.repository.factories import draft_material, published_material

# Restore what migrations created: an earlier transactional test may have flushed it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def sickle(live_server, settings):
    settings.NLKA_OAI_PAGE_SIZE = 3
    return Sickle(f"{live_server.url}/oai", max_retries=0)


@pytest.fixture
def teacher():
    vocabularies_load_builtin()
    return TeacherFactory()


def oai_id(material) -> str:
    return f"oai:testserver:material:{material.pk}"


def test_a_full_harvest_returns_every_published_material_once_across_pages(sickle, teacher):
    materials = [published_material(teacher, title=f"Les {number}") for number in range(10)]
    draft_material(teacher, title="Nog niet klaar")

    records = list(sickle.ListRecords(metadataPrefix="lom"))

    assert [record.header.identifier for record in records] == [oai_id(m) for m in materials]
    assert all(record.xml.find(".//lom:lom", NS) is not None for record in records)


def test_a_harvest_with_additions_and_withdrawals_between_pages_misses_and_repeats_nothing(
    sickle, teacher
):
    materials = [material_with(teacher, title=f"Les {number}") for number in range(10)]
    withdrawn = {materials[2].pk, materials[8].pk}
    seen: list[str] = []
    deleted: list[str] = []
    response = sickle.harvest(verb="ListIdentifiers", metadataPrefix="oai_dc")
    page = 0
    while True:
        document = valid_oai(response.raw.encode())
        for header in document.iterfind(".//oai:header", NS):
            identifier = header.findtext("oai:identifier", namespaces=NS)
            seen.append(identifier)
            if header.get("status") == "deleted":
                deleted.append(identifier)
        token = document.findtext(".//oai:resumptionToken", namespaces=NS)
        if not token:
            break
        page += 1
        if page == 1:
            for material in materials:
                if material.pk in withdrawn:
                    material_withdraw(material=material, user=teacher)
            material_publish(material=materials[6], user=teacher)
            material_with(teacher, title="Erbij gekomen")
        response = sickle.harvest(verb="ListIdentifiers", resumptionToken=token)

    assert len(seen) == len(set(seen))
    for material in materials:
        if material.pk not in withdrawn:
            assert seen.count(oai_id(material)) == 1
            assert oai_id(material) not in deleted
    assert deleted == [oai_id(materials[8])]
