import pytest
from lxml import etree

from metadata.oai.selectors import material_concepts_attach, materials_with_metadata
from metadata.serializers.dublin_core import dcmi_type, material_dublin_core
from metadata.services import vocabularies_load_builtin
from repository.models import Material
from tests.accounts.factories import TeacherFactory, UserFactory
from tests.metadata.oai_helpers import NS, concepts, material_with, schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher():
    vocabularies_load_builtin()
    return TeacherFactory(display_name="Anna de Vries")


def dublin_core_of(material: Material) -> etree._Element:
    fresh = materials_with_metadata(Material.objects.filter(pk=material.pk)).get()
    material_concepts_attach([fresh])
    record = material_dublin_core(fresh)
    oai_schema = schema("driver/oai-lom-dc.xsd")
    assert oai_schema.validate(record), oai_schema.error_log
    return record


def values(record: etree._Element, element: str) -> list[str]:
    return [node.text for node in record.findall(f"dc:{element}", NS)]


def test_dublin_core_record_validates_against_the_oai_dc_schema(teacher):
    record = dublin_core_of(material_with(teacher))

    assert record.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"


def test_dublin_core_describes_title_creators_publisher_and_page(teacher):
    co_author = UserFactory(display_name="Bram Jansen")
    material = material_with(teacher, co_authors=[co_author])

    record = dublin_core_of(material)

    assert values(record, "title") == ["Breuken vergelijken"]
    assert values(record, "creator") == ["Anna de Vries", "Bram Jansen"]
    assert values(record, "publisher") == ["NLKA"]
    assert values(record, "identifier") == [f"http://testserver/leermiddelen/{material.pk}/"]
    assert values(record, "language") == ["nl"]


def test_dublin_core_subjects_are_the_subjects_and_the_keywords(teacher):
    record = dublin_core_of(material_with(teacher, keywords=["breuken"]))

    assert values(record, "subject") == ["Rekenen en wiskunde", "breuken"]


def test_dublin_core_dates_the_first_publication_by_day(teacher):
    material = material_with(teacher)

    record = dublin_core_of(material)

    assert values(record, "date") == [material.first_published_at.date().isoformat()]


def test_dublin_core_types_formats_and_rights_follow_files_resource_types_and_licence(teacher):
    material = material_with(
        teacher, resource_types=concepts("resource-types", "informatiebron"), licence="cc0-1.0"
    )

    record = dublin_core_of(material)

    assert values(record, "type") == ["Text", "Informatiebron"]
    assert values(record, "format") == ["application/pdf"]
    assert values(record, "rights") == ["https://creativecommons.org/publicdomain/zero/1.0/"]
    assert values(record, "description") == ["Oefeningen met breuken voor groep 6."]


@pytest.mark.parametrize(
    ("mime_type", "expected"),
    [
        ("application/pdf", "Text"),
        ("image/png", "StillImage"),
        ("video/mp4", "MovingImage"),
        ("audio/mpeg", "Sound"),
    ],
)
def test_file_types_map_to_dcmi_types(mime_type, expected):
    assert dcmi_type(mime_type) == expected
