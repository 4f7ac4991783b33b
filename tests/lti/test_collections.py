"""Collections in the learning environment: picked by deep linking, launched into a viewer."""

import pytest

from repository.models import Collection
from repository.services.collections import (
    collection_add_material,
    collection_add_section,
    collection_delete,
)
from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.lti.flows import login, platform_launch_form, post_launch
from tests.lti.platform import INSTRUCTOR
from tests.lti.test_deep_linking import returned_jwt, start_picking, tool_public_keys
from tests.repository.factories import collection_of, published_material

pytestmark = pytest.mark.django_db

PUBLIC = Collection.Visibility.PUBLIC


@pytest.fixture
def collection(material):
    """A public collection: the material, then a section with a note and a second material."""
    owner = TeacherFactory(display_name="Carla Smit")
    collection = collection_of(owner, [material], title="Rekenen week 1 en 2", visibility=PUBLIC)
    item = collection.items.get()
    item.note = "Begin klassikaal."
    item.save()
    collection_add_section(collection=collection, user=owner, title="Week 2", note="Zelfstandig")
    second = published_material(TeacherFactory(), title="Tafels oefenen")
    collection_add_material(collection=collection, user=owner, material=second)
    return collection


def collection_launch(client, platform, collection, **claims):
    auth = login(client, platform)
    form = platform_launch_form(
        platform, auth, custom={"collection_id": str(collection.pk)}, **claims
    )
    return post_launch(client, form)


def test_the_picker_offers_public_collections_but_not_unlisted_or_private_ones(
    client, platform, collection
):
    collection_of(
        TeacherFactory(), title="Reeks met link", visibility=Collection.Visibility.UNLISTED
    )
    collection_of(TeacherFactory(), title="Eigen reeks")

    html = client.get(start_picking(client, platform)).content.decode()

    assert "Rekenen week 1 en 2" in html
    assert f'name="collections" value="{collection.pk}"' in html
    assert "Reeks met link" not in html
    assert "Eigen reeks" not in html


def test_a_picked_collection_becomes_a_resource_link_with_the_collection_as_custom_parameter(
    client, platform, collection
):
    picker_url = start_picking(client, platform)

    token = returned_jwt(client.post(picker_url, {"collections": [collection.pk]}))

    platform._registration.set_tool_key_set(tool_public_keys(client))
    [item] = platform.validate_deeplinking_resp({"JWT": token})
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == "Rekenen week 1 en 2"
    assert item["custom"] == {"collection_id": str(collection.pk)}


def test_a_platform_that_accepts_one_item_cannot_be_sent_a_material_and_a_collection(
    client, platform, collection, material
):
    picker_url = start_picking(client, platform, accept_multiple=False)

    response = client.post(picker_url, {"materials": [material.pk], "collections": [collection.pk]})

    assert response.status_code == 400
    assert "één leermiddel tegelijk" in response.content.decode()


def test_a_private_collection_cannot_be_picked_by_its_number(client, platform, collection):
    private = collection_of(TeacherFactory(), title="Eigen reeks")
    picker_url = start_picking(client, platform)

    response = client.post(picker_url, {"collections": [private.pk]})

    assert response.status_code == 400


def test_launching_a_collection_shows_its_sections_notes_and_materials(
    client, platform, collection, material
):
    response = collection_launch(client, platform, collection)

    assert response.status_code == 303
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Rekenen week 1 en 2</h1>" in html
    assert "<h3>Week 2</h3>" in html
    assert "Zelfstandig" in html
    assert "Begin klassikaal." in html
    assert "Tafels oefenen" in html
    launch_id = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert f"/lti/arrangement/{launch_id}/leermiddel/{material.pk}/" in html


def test_a_material_opens_from_the_collection_with_its_files_and_a_way_back(
    client, platform, collection, material
):
    viewer_url = collection_launch(client, platform, collection)["Location"]

    page = client.get(f"{viewer_url}leermiddel/{material.pk}/")

    html = page.content.decode()
    assert page.status_code == 200
    version_file = material.versions.get().files.get()
    assert f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/" in html
    assert "Terug naar ‘Rekenen week 1 en 2’" in html
    assert viewer_url in html


def test_a_material_outside_the_collection_is_refused(client, platform, collection, lti_log):
    other = published_material(TeacherFactory(), title="Niet in de reeks")
    viewer_url = collection_launch(client, platform, collection)["Location"]

    page = client.get(f"{viewer_url}leermiddel/{other.pk}/")

    assert page.status_code == 404
    assert "Niet in de reeks" not in page.content.decode()
    assert lti_log.refused("material_unavailable")


def test_a_withdrawn_material_shows_as_unavailable_and_does_not_open(
    client, platform, collection, material
):
    material_withdraw(material=material, user=material.owner)
    viewer_url = collection_launch(client, platform, collection)["Location"]

    html = client.get(viewer_url).content.decode()

    assert "niet meer beschikbaar" in html
    assert client.get(f"{viewer_url}leermiddel/{material.pk}/").status_code == 404


def test_launching_a_deleted_collection_is_refused_in_dutch(client, platform, collection, lti_log):
    collection_delete(collection=collection, user=collection.owner)

    response = collection_launch(client, platform, collection)

    assert response.status_code == 404
    assert "Dit arrangement is niet beschikbaar" in response.content.decode()
    assert lti_log.refused("collection_unavailable")


def test_launching_a_private_collection_is_refused(client, platform, lti_log):
    private = collection_of(TeacherFactory())

    response = collection_launch(client, platform, private)

    assert response.status_code == 404
    assert lti_log.refused("collection_unavailable")


def test_an_instructor_gets_a_link_to_the_collection_on_the_site(client, platform, collection):
    viewer_url = collection_launch(client, platform, collection, roles=[INSTRUCTOR])["Location"]

    html = client.get(viewer_url).content.decode()

    assert f"http://testserver{collection.get_absolute_url()}" in html
