from django.utils import timezone

import pytest
from lxml import etree

from metadata.models import Concept, ConceptScheme
from metadata.oai.selectors import material_concepts_attach, materials_with_metadata
from metadata.serializers.lom import material_lom, vcard
from metadata.services import vocabularies_load_builtin
from repository import demo_files
from repository.models import Material
from repository.services.files import stored_file_take_down
from repository.services.materials import material_add_file, material_publish
from tests.accounts.factories import TeacherFactory, UserFactory
from tests.metadata.oai_helpers import (
    GROEP_6,
    HAVO,
    HAVO_5,
    NS,
    PO,
    VO,
    concepts,
    material_with,
    valid_lom,
)
from tests.repository.factories import upload

pytestmark = pytest.mark.django_db

OBK = "http://purl.edustandaard.nl/begrippenkader"
PURPOSE_SOURCE = "http://purl.edustandaard.nl/classification_purpose_nllom_20180530"


def lom_of(material: Material) -> etree._Element:
    """Serialise the material as the OAI endpoint does, from the prefetching selector."""
    fresh = materials_with_metadata(Material.objects.filter(pk=material.pk)).get()
    material_concepts_attach([fresh])
    return valid_lom(material_lom(fresh))


def texts(record: etree._Element, path: str) -> list[str]:
    return [node.text for node in record.xpath(path, namespaces=NS)]


def classification(record, purpose: str) -> etree._Element:
    (element,) = record.xpath(
        f"lom:classification[lom:purpose/lom:value='{purpose}']", namespaces=NS
    )
    return element


@pytest.fixture
def teacher():
    vocabularies_load_builtin()
    return TeacherFactory(display_name="Anna de Vries")


def test_lom_record_of_a_published_material_validates_against_lom_loose(teacher):
    material = material_with(teacher, keywords=["breuken"], time_required=45)

    record = lom_of(material)

    assert record.tag == "{http://ltsc.ieee.org/xsd/LOM}lom"


def test_educational_level_classification_carries_the_obk_identifiers_of_the_levels(teacher):
    material = material_with(teacher, levels=concepts("levels", GROEP_6, HAVO_5))

    levels = classification(lom_of(material), "educational level")

    assert texts(levels, "lom:purpose/lom:source") == [PURPOSE_SOURCE]
    assert set(texts(levels, "lom:taxonPath/lom:source/lom:string")) == {OBK}
    assert {GROEP_6, HAVO_5} <= set(texts(levels, "lom:taxonPath/lom:taxon/lom:id"))


def test_each_level_taxon_path_runs_from_the_root_level_down_to_the_chosen_one(teacher):
    material = material_with(teacher, levels=concepts("levels", HAVO_5))

    levels = classification(lom_of(material), "educational level")

    assert texts(levels, "lom:taxonPath/lom:taxon/lom:id") == [VO, HAVO, HAVO_5]
    assert texts(levels, "lom:taxonPath/lom:taxon/lom:entry/lom:string") == [
        "voortgezet onderwijs",
        "havo",
        "havo 5",
    ]


def test_a_level_without_an_obk_identifier_is_not_passed_off_as_obk(teacher):
    material = material_with(
        teacher, levels=concepts("levels", "dbbc3e87-a848-4425-912a-d494e43e5e59")
    )

    levels = classification(lom_of(material), "educational level")

    assert texts(levels, "lom:taxonPath/lom:source/lom:string") == [
        "https://opendata.slo.nl/curriculum"
    ]


def test_subjects_are_classified_as_disciplines_with_their_slo_identifiers(teacher):
    material = material_with(teacher)
    subject = material.subjects.get()

    disciplines = classification(lom_of(material), "discipline")

    assert texts(disciplines, "lom:taxonPath/lom:taxon/lom:id") == [subject.identifier]
    assert texts(disciplines, "lom:taxonPath/lom:source/lom:string") == [
        "https://opendata.slo.nl/curriculum"
    ]


def test_curriculum_goals_are_classified_as_educational_objectives(teacher):
    scheme = ConceptScheme.objects.get(slug="curriculum-goals")
    goal = Concept.objects.create(
        scheme=scheme,
        identifier="bd54ffca-45c2-457e-9f48-651e6a121332",
        uri="https://opendata.slo.nl/curriculum/uuid/bd54ffca-45c2-457e-9f48-651e6a121332",
        notation="VO Kerndoel 01",
        label_nl="Spreken en schrijven",
        source="slo",
    )
    material = material_with(teacher, curriculum_goals=[goal])

    objectives = classification(lom_of(material), "educational objective")

    assert texts(objectives, "lom:taxonPath/lom:taxon/lom:id") == [goal.identifier]
    assert texts(objectives, "lom:taxonPath/lom:taxon/lom:entry/lom:string") == [
        "Spreken en schrijven"
    ]


def test_a_material_without_curriculum_goals_has_no_educational_objective(teacher):
    record = lom_of(material_with(teacher))

    assert not record.xpath(
        "lom:classification[lom:purpose/lom:value='educational objective']", namespaces=NS
    )


def test_author_is_a_vcard_with_the_owners_public_name_and_a_day_date(teacher):
    record = lom_of(material_with(teacher))

    (author,) = record.xpath(
        "lom:lifeCycle/lom:contribute[lom:role/lom:value='author']", namespaces=NS
    )
    (entity,) = texts(author, "lom:entity")
    assert entity.startswith("BEGIN:VCARD\nVERSION:3.0\n")
    assert "\nFN:Anna de Vries\n" in entity
    assert entity.endswith("END:VCARD")
    (day,) = texts(author, "lom:date/lom:dateTime")
    assert day == timezone.now().date().isoformat()


def test_co_authors_are_authors_too(teacher):
    co_author = UserFactory(display_name="Bram Jansen")
    record = lom_of(material_with(teacher, co_authors=[co_author]))

    entities = texts(record, "lom:lifeCycle/lom:contribute[lom:role/lom:value='author']/lom:entity")

    assert ["FN:Anna de Vries" in entities[0], "FN:Bram Jansen" in entities[1]] == [True, True]


def test_publisher_is_nlka(teacher):
    record = lom_of(material_with(teacher))

    (entity,) = texts(
        record, "lom:lifeCycle/lom:contribute[lom:role/lom:value='publisher']/lom:entity"
    )
    assert "\nFN:NLKA\n" in entity
    assert "\nORG:NLKA\n" in entity


def test_meta_metadata_names_lom_and_nl_lom_in_dutch(teacher):
    record = lom_of(material_with(teacher))

    assert texts(record, "lom:metaMetadata/lom:metadataSchema") == ["LOMv1.0", "nl_lom_v1p0"]
    assert texts(record, "lom:metaMetadata/lom:language") == ["nl"]


def test_general_carries_the_page_url_title_description_language_and_keywords(teacher):
    material = material_with(teacher, keywords=["breuken", "rekenen"], description="Meer uitleg.")
    url = f"http://testserver/leermiddelen/{material.pk}/"

    record = lom_of(material)

    assert texts(record, "lom:general/lom:identifier/lom:catalog") == ["URI"]
    assert texts(record, "lom:general/lom:identifier/lom:entry") == [url]
    assert texts(record, "lom:general/lom:title/lom:string[@language='nl']") == [material.title]
    assert texts(record, "lom:general/lom:description/lom:string") == [
        "Oefeningen met breuken voor groep 6.\n\nMeer uitleg."
    ]
    assert texts(record, "lom:general/lom:language") == ["nl"]
    assert texts(record, "lom:general/lom:keyword/lom:string") == ["breuken", "rekenen"]


def test_technical_lists_the_current_versions_file_types_and_the_material_page(teacher):
    material = material_with(teacher)
    material_add_file(
        material=material,
        user=teacher,
        upload=upload("plaatje.png", demo_files.png_bytes("Breuk")),
        original_name="plaatje.png",
    )
    material_publish(material=material, user=teacher)

    record = lom_of(material)

    assert texts(record, "lom:technical/lom:format") == ["application/pdf", "image/png"]
    assert texts(record, "lom:technical/lom:location") == [
        f"http://testserver/leermiddelen/{material.pk}/"
    ]


def test_technical_leaves_out_files_taken_down_for_legal_reasons(teacher):
    material = material_with(teacher)
    (version_file,) = material.versions.get().files.all()
    admin = UserFactory(is_superuser=True)
    stored_file_take_down(stored_file=version_file.stored_file, user=admin, reason="Auteursrecht")

    record = lom_of(material)

    assert texts(record, "lom:technical/lom:format") == []


def test_resource_types_and_end_user_roles_use_the_nl_lom_vocabularies(teacher):
    material = material_with(
        teacher,
        resource_types=concepts("resource-types", "open-opdracht"),
        end_user_roles=concepts("end-user-roles", "learner"),
    )

    record = lom_of(material)

    assert texts(record, "lom:educational/lom:learningResourceType/lom:source") == [
        "http://purl.edustandaard.nl/vdex_learningresourcetype_czp_20060628.xml"
    ]
    assert texts(record, "lom:educational/lom:learningResourceType/lom:value") == ["open opdracht"]
    assert texts(record, "lom:educational/lom:intendedEndUserRole/lom:source") == [
        "http://purl.edustandaard.nl/vdex_intendedenduserrole_lomv1p0_20060628.xml"
    ]
    assert texts(record, "lom:educational/lom:intendedEndUserRole/lom:value") == ["learner"]


def test_a_resource_type_nl_lom_does_not_define_is_left_out(teacher):
    scheme = ConceptScheme.objects.get(slug="resource-types")
    own = Concept.objects.create(
        scheme=scheme, identifier="escaperoom", uri="urn:test:escaperoom", notation="escaperoom"
    )
    material = material_with(teacher, resource_types=[own])

    record = lom_of(material)

    assert texts(record, "lom:educational/lom:learningResourceType/lom:value") == []


def test_time_required_becomes_the_typical_learning_time(teacher):
    record = lom_of(material_with(teacher, time_required=90))

    assert texts(record, "lom:educational/lom:typicalLearningTime/lom:duration") == ["PT90M"]


def test_rights_say_free_of_charge_with_the_nl_lom_licence_value_and_url(teacher):
    record = lom_of(material_with(teacher, licence="cc-by-sa-4.0"))

    assert texts(record, "lom:rights/lom:cost/lom:value") == ["no"]
    assert texts(record, "lom:rights/lom:copyrightAndOtherRestrictions/lom:source") == [
        "https://purl.edustandaard.nl/copyrightsandotherrestrictions_nllom_20180530"
    ]
    assert texts(record, "lom:rights/lom:copyrightAndOtherRestrictions/lom:value") == [
        "cc-by-sa-40"
    ]
    assert texts(record, "lom:rights/lom:description/lom:string") == [
        "https://creativecommons.org/licenses/by-sa/4.0/"
    ]


def test_remix_sources_become_is_based_on_relations(teacher):
    material = material_with(teacher)
    fresh = materials_with_metadata(Material.objects.filter(pk=material.pk)).get()
    material_concepts_attach([fresh])

    record = valid_lom(
        material_lom(fresh, based_on=[("Breuken oefenen", "https://example.org/breuken")])
    )

    (relation,) = record.xpath("lom:relation", namespaces=NS)
    assert texts(relation, "lom:kind/lom:value") == ["isbasedon"]
    assert texts(relation, "lom:resource/lom:identifier/lom:entry") == [
        "https://example.org/breuken"
    ]
    assert texts(relation, "lom:resource/lom:description/lom:string") == ["Breuken oefenen"]


def test_a_material_that_remixes_nothing_has_no_relation(teacher):
    assert not lom_of(material_with(teacher)).xpath("lom:relation", namespaces=NS)


def test_characters_xml_cannot_carry_are_dropped_from_the_record(teacher):
    material = material_with(teacher, description="Stap 1\x0bStap 2")

    record = lom_of(material)

    assert "Stap 1Stap 2" in texts(record, "lom:general/lom:description/lom:string")[0]


def test_one_record_costs_a_fixed_number_of_queries(teacher, django_assert_num_queries):
    material = material_with(teacher, levels=concepts("levels", GROEP_6, PO))
    fresh = materials_with_metadata(Material.objects.filter(pk=material.pk)).get()
    material_concepts_attach([fresh])

    with django_assert_num_queries(0):
        material_lom(fresh)


def test_vcard_escapes_the_separators_of_its_text_values():
    card = vcard("Jansen, Piet; docent")

    assert "\nFN:Jansen\\, Piet\\; docent\n" in card
