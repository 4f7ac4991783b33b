"""Lineage: what a material is based on and what was made from it, with the whole attribution."""

import io
import json
import re
import zipfile

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from lxml import etree

from metadata.oai.formats import METADATA_FORMATS
from metadata.oai.selectors import oai_material
from metadata.serializers.lom import LOM_NAMESPACE
from metadata.templatetags.jsonld_tags import material_jsonld_tag
from repository.models import MaterialSource
from repository.selectors.lineage import Status, material_lineage
from repository.services.materials import material_withdraw
from repository.services.remix import remix_create
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import make_published_remix, published_material

pytestmark = pytest.mark.django_db


@pytest.fixture
def generations():
    """Three generations: an original, a remix of it, and a remix of that remix."""
    original = published_material(TeacherFactory(display_name="Anna Oorsprong"), title="Oerbron")
    middle = make_published_remix(
        [original], TeacherFactory(display_name="Bram Midden"), title="Tussenversie"
    )
    newest = make_published_remix(
        [middle], TeacherFactory(display_name="Cees Nieuw"), title="Nieuwste versie"
    )
    return original, middle, newest


def detail_html(client, material) -> str:
    return client.get(reverse("repository:material_detail", args=[material.pk])).content.decode()


def attribution_file(client, material) -> str:
    response = client.get(f"/leermiddelen/{material.pk}/v1/download.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return archive.read("NAAMSVERMELDING.txt").decode("utf-8")


def test_ancestors_form_a_tree_over_generations_with_versions(generations):
    original, middle, newest = generations

    ancestors = material_lineage(newest).ancestors

    assert [(node.source.title, node.source.version_number) for node in ancestors] == [
        ("Tussenversie", 1)
    ]
    assert [node.source.title for node in ancestors[0].parents] == ["Oerbron"]
    assert ancestors[0].url == middle.get_absolute_url()


def test_descendants_form_a_tree_over_generations(generations):
    original, middle, newest = generations

    descendants = material_lineage(original).descendants

    assert [node.title for node in descendants] == ["Tussenversie"]
    assert [node.title for node in descendants[0].children] == ["Nieuwste versie"]


def test_unpublished_remixes_are_not_listed_as_descendants():
    original = published_material(TeacherFactory())
    remix_create(source=original, user=TeacherFactory())

    assert material_lineage(original).descendants == []


def test_withdrawn_middle_generation_keeps_its_place_without_its_title(generations):
    original, middle, newest = generations
    material_withdraw(material=middle, user=middle.owner)

    descendants = material_lineage(original).descendants

    assert descendants[0].status == Status.WITHDRAWN
    assert descendants[0].title == ""
    assert [node.title for node in descendants[0].children] == ["Nieuwste versie"]


def test_withdrawn_remix_without_public_remixes_is_left_out():
    original = published_material(TeacherFactory())
    remix = make_published_remix([original], TeacherFactory(), title="Ingetrokken")
    material_withdraw(material=remix, user=remix.owner)

    assert material_lineage(original).descendants == []


def test_withdrawn_middle_generation_still_shows_full_attribution_on_the_page(client, generations):
    original, middle, newest = generations
    material_withdraw(material=middle, user=middle.owner)

    html = detail_html(client, newest)

    assert "Gebaseerd op" in html
    assert "ingetrokken" in html
    assert f'href="{middle.get_absolute_url()}"' not in html
    assert "‘Tussenversie’ (versie 1) door Bram Midden" in html
    assert "‘Oerbron’ (versie 1) door Anna Oorsprong" in html
    textarea = re.search(r'<textarea id="naamsvermelding-tekst"[^>]*>(.*?)</textarea>', html, re.S)
    assert "‘Tussenversie’ (versie 1) door Bram Midden" in textarea[1]
    assert "‘Oerbron’ (versie 1) door Anna Oorsprong" in textarea[1]


def test_withdrawn_middle_generation_still_shows_full_attribution_in_the_zip(client, generations):
    original, middle, newest = generations
    material_withdraw(material=middle, user=middle.owner)

    text = attribution_file(client, newest)

    assert "‘Nieuwste versie’ door Cees Nieuw" in text
    assert "Gebaseerd op:" in text
    assert (
        f"‘Tussenversie’ (versie 1) door Bram Midden, bron: http://testserver/leermiddelen/{middle.pk}/"
        in text
    )
    assert (
        f"‘Oerbron’ (versie 1) door Anna Oorsprong, bron: http://testserver/leermiddelen/{original.pk}/"
        in text
    )


def test_deleted_middle_generation_still_passes_on_the_attribution_of_the_original(
    client, generations
):
    original, middle, newest = generations
    # Rows are removed as a database administrator would; the stored text must suffice.
    MaterialSource.objects.filter(remix=newest).update(source_material=None, source_version=None)

    ancestors = material_lineage(newest).ancestors
    html = detail_html(client, newest)

    assert ancestors[0].status == Status.DELETED
    assert ancestors[0].parents == []
    assert ancestors[0].earlier[0].startswith("‘Oerbron’ (versie 1) door Anna Oorsprong")
    assert "verwijderd" in html
    assert "‘Oerbron’ (versie 1) door Anna Oorsprong" in html


def test_original_page_lists_what_was_made_from_it(client, generations):
    original, middle, newest = generations

    html = detail_html(client, original)

    assert "Bewerkingen" in html
    assert f'<a href="{middle.get_absolute_url()}">Tussenversie</a>' in html
    assert f'<a href="{newest.get_absolute_url()}">Nieuwste versie</a>' in html


def test_material_page_queries_do_not_grow_with_the_lineage(
    client, generations, django_assert_max_num_queries
):
    original, middle, newest = generations
    detail_html(client, original)
    with CaptureQueriesContext(connection) as few:
        detail_html(client, original)
    for number in range(4):
        make_published_remix([original], TeacherFactory(), title=f"Extra bewerking {number}")
        make_published_remix([middle], TeacherFactory(), title=f"Zijtak {number}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        html = detail_html(client, original)

    assert "Extra bewerking 3" in html
    assert "Zijtak 3" in html


def test_lineage_reads_a_bounded_number_of_queries(generations, django_assert_max_num_queries):
    original, middle, newest = generations
    for number in range(5):
        make_published_remix([middle], TeacherFactory(), title=f"Zijtak {number}")

    with django_assert_max_num_queries(6):
        lineage = material_lineage(original)

    assert len(lineage.descendants[0].children) == 6


def test_lom_record_relates_a_remix_to_its_source(generations):
    original, middle, newest = generations

    record = oai_material(newest.pk)
    lom = etree.tostring(METADATA_FORMATS["lom"].serialize(record)).decode()

    assert "isbasedon" in lom
    assert f"http://testserver/leermiddelen/{middle.pk}/" in lom
    assert LOM_NAMESPACE in lom


def test_json_ld_names_what_a_remix_is_based_on(rf, generations):
    original, middle, newest = generations

    script = material_jsonld_tag({"request": rf.get("/")}, newest)

    data = json.loads(re.search(r">(.*)</script>", script)[1])
    assert data["isBasedOn"] == [
        {
            "@type": "CreativeWork",
            "name": "Tussenversie",
            "url": f"http://testserver/leermiddelen/{middle.pk}/",
        }
    ]


def test_material_page_links_to_what_changed_against_its_own_source(client, generations):
    _original, middle, newest = generations
    source = MaterialSource.objects.get(remix=newest)
    changes_url = reverse("repository:remix_changes", args=[newest.pk, source.pk])

    html = detail_html(client, newest)

    assert changes_url in html
    assert client.get(changes_url).status_code == 200
