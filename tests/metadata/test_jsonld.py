import json
import re

from django.template import Context, Template
from django.test import RequestFactory

import pytest

from metadata.oai.selectors import material_concepts_attach, materials_with_metadata
from metadata.serializers.jsonld import jsonld_script, material_jsonld
from metadata.services import vocabularies_load_builtin
from repository.models import Material
from repository.services.materials import material_publish
from tests.accounts.factories import TeacherFactory
from tests.metadata.oai_helpers import GROEP_6, concepts, material_with

pytestmark = pytest.mark.django_db

OBK = "http://purl.edustandaard.nl/begrippenkader"
SCRIPT = re.compile(r'^<script type="application/ld\+json">(.*)</script>$', re.DOTALL)


@pytest.fixture
def teacher():
    vocabularies_load_builtin()
    return TeacherFactory(display_name="Anna de Vries")


def jsonld_of(material: Material, **kwargs) -> dict:
    fresh = materials_with_metadata(Material.objects.filter(pk=material.pk)).get()
    material_concepts_attach([fresh])
    return material_jsonld(fresh, **kwargs)


def test_jsonld_describes_the_material_as_a_learning_resource(teacher):
    material = material_with(teacher, keywords=["breuken"])
    url = f"http://testserver/leermiddelen/{material.pk}/"

    data = jsonld_of(material)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LearningResource"
    assert (data["@id"], data["url"]) == (url, url)
    assert data["name"] == "Breuken vergelijken"
    assert data["description"] == "Oefeningen met breuken voor groep 6."
    assert data["inLanguage"] == "nl"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["creator"] == [{"@type": "Person", "name": "Anna de Vries"}]
    assert data["keywords"] == ["breuken"]
    assert data["version"] == 1


def test_jsonld_levels_are_defined_terms_with_their_obk_code(teacher):
    material = material_with(teacher, levels=concepts("levels", GROEP_6))

    (level,) = jsonld_of(material)["educationalLevel"]

    assert level == {
        "@type": "DefinedTerm",
        "@id": f"http://purl.edustandaard.nl/concept/{GROEP_6}",
        "name": "groep 6",
        "termCode": GROEP_6,
        "inDefinedTermSet": OBK,
    }


def test_jsonld_subjects_are_what_the_material_is_about(teacher):
    material = material_with(teacher)
    subject = material.subjects.get()

    (about,) = jsonld_of(material)["about"]

    assert about["termCode"] == subject.identifier
    assert about["inDefinedTermSet"] == "https://opendata.slo.nl/curriculum"


def test_jsonld_resource_types_use_the_nl_lom_value_as_term_code(teacher):
    material = material_with(teacher, resource_types=concepts("resource-types", "open-opdracht"))

    (resource_type,) = jsonld_of(material)["learningResourceType"]

    assert resource_type["termCode"] == "open opdracht"


def test_jsonld_carries_accessibility_properties(teacher):
    material = material_with(
        teacher,
        accessibility_features=concepts("accessibility-features", "alternativeText"),
        accessibility_hazards=concepts("accessibility-hazards", "noFlashingHazard"),
        accessibility_summary="Alle afbeeldingen hebben een tekstalternatief.",
    )

    data = jsonld_of(material)

    assert data["accessibilityFeature"] == ["alternativeText"]
    assert data["accessibilityHazard"] == ["noFlashingHazard"]
    assert data["accessibilitySummary"] == "Alle afbeeldingen hebben een tekstalternatief."


def test_jsonld_is_based_on_nothing_until_remix_sources_are_given(teacher):
    material = material_with(teacher)

    assert jsonld_of(material)["isBasedOn"] == []
    assert jsonld_of(material, based_on=[("Bron", "https://example.org/bron")])["isBasedOn"] == [
        {"@type": "CreativeWork", "name": "Bron", "url": "https://example.org/bron"}
    ]


def test_jsonld_dates_are_utc_timestamps_of_first_and_last_publication(teacher):
    material = material_with(teacher)
    material_publish(material=material, user=teacher)

    data = jsonld_of(material)

    assert data["datePublished"].endswith("Z")
    assert data["datePublished"] < data["dateModified"]


def test_jsonld_url_follows_the_request_host_when_there_is_one(teacher):
    material = material_with(teacher)
    request = RequestFactory().get("/", HTTP_HOST="localhost:8123")

    assert jsonld_of(material, request=request)["url"].startswith("http://localhost:8123/")


def test_script_element_escapes_markup_so_a_title_cannot_end_it():
    data = {"name": "</script><script>alert('x')</script> & <!-- meer"}

    html = str(jsonld_script(data))

    body = SCRIPT.fullmatch(html).group(1)
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == data


def test_template_tag_renders_the_materials_jsonld(teacher):
    material = material_with(teacher, title="Breuken <vergelijken>")
    template = Template("{% load jsonld_tags %}{% material_jsonld material %}")

    html = template.render(Context({"material": material}))

    body = SCRIPT.fullmatch(html).group(1)
    assert json.loads(body)["name"] == "Breuken <vergelijken>"
    assert "\\u003cvergelijken\\u003e" in body
