"""A collection downloads as one ZIP: every item's files, and one attribution file for all."""

import io
import zipfile

import pytest

from repository import demo_files
from repository.models import Collection, MaterialSource
from repository.services.collections import collection_add_section, collection_copy
from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import collection_of, published_material, upload

pytestmark = pytest.mark.django_db

PUBLIC = Collection.Visibility.PUBLIC


def zip_url(collection) -> str:
    return f"/leermiddelen/arrangementen/{collection.pk}/download.zip"


def unzip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def attribution_text(client, collection) -> str:
    return unzip(client.get(zip_url(collection))).read("NAAMSVERMELDING.txt").decode("utf-8")


@pytest.fixture
def two_materials():
    anna = TeacherFactory(display_name="Anna de Vries")
    bram = TeacherFactory(display_name="Bram Jansen")
    fractions = published_material(
        anna,
        title="Breuken vergelijken",
        files=[upload("breuken.pdf"), upload("plaat.png", demo_files.png_bytes("Plaat"))],
    )
    tables = published_material(bram, title="Tafels oefenen", files=[upload("tafels.pdf")])
    return fractions, tables


def test_the_zip_holds_each_items_files_in_its_own_folder_and_the_attribution_file(
    client, two_materials
):
    collection = collection_of(TeacherFactory(), two_materials, visibility=PUBLIC)

    response = client.get(zip_url(collection))

    assert response.status_code == 200
    archive = unzip(response)
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == [
        "01 Breuken vergelijken/breuken.pdf",
        "01 Breuken vergelijken/plaat.png",
        "02 Tafels oefenen/tafels.pdf",
        "NAAMSVERMELDING.txt",
    ]
    assert archive.read("02 Tafels oefenen/tafels.pdf").startswith(b"%PDF")


def test_the_attribution_file_names_the_collection_and_every_item_with_author_and_licence(
    client, two_materials
):
    fractions, tables = two_materials
    owner = TeacherFactory(display_name="Carla Smit")
    collection = collection_of(owner, two_materials, title="Rekenen groep 6", visibility=PUBLIC)
    collection_add_section(collection=collection, user=owner, title="Week 2")

    text = attribution_text(client, collection)

    assert "‘Rekenen groep 6’ door Carla Smit" in text
    assert f"http://testserver/leermiddelen/arrangementen/{collection.pk}/" in text
    assert "1. ‘Breuken vergelijken’ door Anna de Vries" in text
    assert f"http://testserver/leermiddelen/{fractions.pk}/" in text
    assert "2. ‘Tafels oefenen’ door Bram Jansen" in text
    assert f"http://testserver/leermiddelen/{tables.pk}/" in text
    assert text.count("licentie: CC BY 4.0") == 3
    assert "Onderdeel: Week 2" in text
    assert "   - breuken.pdf" in text


def test_the_attribution_file_carries_each_items_remix_chain(client):
    owner = TeacherFactory(display_name="Anna de Vries")
    remix = published_material(owner, title="Breuken, aangepast")
    MaterialSource.objects.create(
        remix=remix,
        version_number=2,
        title="Breuken",
        authors="Piet Bakker",
        source_url="http://testserver/leermiddelen/998/",
        licence="cc-by-sa-4.0",
        inherited_attribution="‘Rekenen met taart’ door Els Vos, bron: http://x.example/7",
    )
    collection = collection_of(owner, [remix], visibility=PUBLIC)

    text = attribution_text(client, collection)

    assert "Gebaseerd op:" in text
    assert (
        "‘Breuken’ (versie 2) door Piet Bakker, bron: http://testserver/leermiddelen/998/, "
        "licentie: CC BY-SA 4.0"
    ) in text
    assert "‘Rekenen met taart’ door Els Vos, bron: http://x.example/7" in text


def test_a_withdrawn_item_is_left_out_and_listed_as_left_out(client, two_materials):
    fractions, tables = two_materials
    collection = collection_of(TeacherFactory(), two_materials, visibility=PUBLIC)
    material_withdraw(material=tables, user=tables.owner)

    archive = unzip(client.get(zip_url(collection)))

    assert not any(name.startswith("02 ") for name in archive.namelist())
    text = archive.read("NAAMSVERMELDING.txt").decode("utf-8")
    assert "Niet meer beschikbaar en daarom niet opgenomen:\r\n- ‘Tafels oefenen’" in text


def test_a_copy_carries_its_sources_attribution_in_the_zip(client):
    source = collection_of(
        TeacherFactory(display_name="Anna de Vries"), title="Oorspronkelijk", visibility=PUBLIC
    )
    teacher = TeacherFactory()
    copy = collection_copy(
        source=source, user=teacher, source_url=f"http://testserver{source.get_absolute_url()}"
    )
    client.force_login(teacher)

    text = attribution_text(client, copy)

    assert "Dit arrangement is gebaseerd op:" in text
    assert "- ‘Oorspronkelijk’ door Anna de Vries" in text


def test_the_zip_of_a_private_collection_is_not_found_for_others(client):
    owner = TeacherFactory()
    collection = collection_of(owner, [published_material(owner)])

    assert client.get(zip_url(collection)).status_code == 404
    client.force_login(TeacherFactory())
    assert client.get(zip_url(collection)).status_code == 404
    client.force_login(owner)
    response = client.get(zip_url(collection))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
