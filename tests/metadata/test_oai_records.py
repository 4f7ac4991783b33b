"""Stored OAI-PMH records: reused while current, never a stale record for a harvester."""

from io import StringIO

from django.core.management import call_command

import pytest
from lxml import etree

from metadata.models import Concept, OaiRecord
from metadata.oai.formats import METADATA_FORMATS
from metadata.oai.protocol import oai_response
from metadata.oai.selectors import oai_material
from metadata.services import vocabularies_load_builtin
from repository.services.materials import (
    material_publish,
    material_save_draft,
    material_withdraw,
)
from tests.accounts.factories import TeacherFactory
from tests.metadata.oai_helpers import NS, material_with, valid_oai
from tests.repository.factories import draft_material

pytestmark = pytest.mark.django_db

LIST_LOM = {"verb": ["ListRecords"], "metadataPrefix": ["lom"]}


@pytest.fixture
def teacher():
    vocabularies_load_builtin()
    return TeacherFactory(display_name="Anna de Vries")


def lom_of(document, material) -> etree._Element:
    identifier = f"oai:testserver:material:{material.pk}"
    (record,) = document.xpath(
        f"//oai:record[oai:header/oai:identifier='{identifier}']/oai:metadata/*", namespaces=NS
    )
    return record


def harvested_lom(material) -> bytes:
    return etree.tostring(lom_of(valid_oai(oai_response(LIST_LOM)), material))


def test_a_stored_record_is_the_record_rendered_afresh(teacher):
    material = material_with(teacher)
    first = harvested_lom(material)
    assert OaiRecord.objects.filter(material=material, metadata_prefix="lom").exists()

    fresh = METADATA_FORMATS["lom"].serialize(oai_material(material.pk))

    assert harvested_lom(material) == first == etree.tostring(fresh)


def test_a_second_harvest_reads_the_stored_record_instead_of_rendering(
    teacher, django_assert_max_num_queries
):
    material_with(teacher)
    oai_response(LIST_LOM)

    # Counting the list, the page, its levels, the level tree and the stored records.
    with django_assert_max_num_queries(5):
        oai_response(LIST_LOM)


def test_a_new_version_replaces_the_stored_record(teacher):
    material = material_with(teacher, title="Breuken vergelijken")
    harvested_lom(material)

    material_save_draft(
        material=material,
        user=teacher,
        data={
            "title": "Breuken en kommagetallen",
            "summary": material.summary,
            "licence": material.licence,
            "language": material.language,
            "levels": material.levels.all(),
            "subjects": material.subjects.all(),
            "change_note": "Kommagetallen toegevoegd.",
        },
    )
    material_publish(material=material, user=teacher)

    assert b"Breuken en kommagetallen" in harvested_lom(material)


def test_a_withdrawn_material_loses_its_metadata_in_the_list(teacher):
    material = material_with(teacher)
    harvested_lom(material)

    material_withdraw(material=material, user=teacher)

    document = valid_oai(oai_response(LIST_LOM))
    (header,) = document.xpath("//oai:record/oai:header", namespaces=NS)
    assert header.get("status") == "deleted"
    assert not document.xpath("//oai:record/oai:metadata", namespaces=NS)


def test_a_changed_vocabulary_label_reaches_stored_records(teacher):
    material = material_with(teacher)
    harvested_lom(material)
    subject = material.subjects.get()

    subject.label_nl = "Rekenen en wiskunde (herzien)"
    subject.save()

    assert "Rekenen en wiskunde (herzien)" in harvested_lom(material).decode()


def test_a_changed_author_name_reaches_stored_records(teacher):
    material = material_with(teacher)
    assert "Anna de Vries" in harvested_lom(material).decode()

    teacher.display_name = "Anna van Dijk"
    teacher.save()

    assert "Anna van Dijk" in harvested_lom(material).decode()


def test_logging_in_keeps_the_stored_records(teacher):
    material = material_with(teacher)
    harvested_lom(material)

    teacher.save(update_fields=["last_login"])

    assert OaiRecord.objects.filter(material=material).count() == 1


def test_publishing_renders_the_records_after_commit(teacher, django_capture_on_commit_callbacks):
    material = draft_material(teacher, title="Klokkijken")
    material_save_draft(
        material=material,
        user=teacher,
        data={
            "title": "Klokkijken",
            "summary": "Hele en halve uren.",
            "licence": "cc-by-4.0",
            "language": "nl",
            "levels": Concept.objects.filter(scheme__slug="levels", notation="groep 4"),
            "subjects": Concept.objects.filter(scheme__slug="subjects", notation="rw"),
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        material_publish(material=material, user=teacher)

    assert set(
        OaiRecord.objects.filter(material=material).values_list("metadata_prefix", flat=True)
    ) == {"oai_dc", "lom"}


def test_the_render_command_stores_records_of_published_materials_only(teacher):
    published = material_with(teacher, title="Gepubliceerd")
    withdrawn = material_with(teacher, title="Ingetrokken")
    material_withdraw(material=withdrawn, user=teacher)
    draft = draft_material(teacher, title="Concept")
    OaiRecord.objects.all().delete()

    call_command("oai_render_records", stdout=StringIO())

    stored = set(OaiRecord.objects.values_list("material_id", "metadata_prefix"))
    assert stored == {(published.pk, "oai_dc"), (published.pk, "lom")}
    assert draft.pk not in {pk for pk, _prefix in stored}
