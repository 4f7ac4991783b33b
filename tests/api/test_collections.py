from django.utils import timezone

import pytest

from repository.models import Collection
from repository.services.collections import collection_add_material, collection_add_section
from repository.services.materials import material_withdraw
from tests.repository.factories import collection_of, published_material

pytestmark = pytest.mark.django_db

LIST = "/api/v1/collections/"


def public(owner, materials=(), **fields):
    return collection_of(owner, materials, visibility=Collection.Visibility.PUBLIC, **fields)


def test_the_list_shows_public_collections_only(client, teacher):
    shown = public(teacher, title="Openbaar")
    collection_of(teacher, title="Met de link", visibility=Collection.Visibility.UNLISTED)
    collection_of(teacher, title="Alleen voor mij", visibility=Collection.Visibility.PRIVATE)

    body = client.get(LIST).json()

    assert [entry["id"] for entry in body["results"]] == [shown.pk]
    assert body["results"][0]["author"] == {"name": teacher.name}


@pytest.mark.parametrize(
    "visibility", [Collection.Visibility.UNLISTED, Collection.Visibility.PRIVATE]
)
def test_unlisted_and_private_collections_are_not_found(client, teacher, visibility):
    collection = collection_of(teacher, visibility=visibility)

    response = client.get(f"{LIST}{collection.pk}/")

    assert response.status_code == 404
    assert response.content == client.get(f"{LIST}999999/").content


def test_a_deleted_collection_is_not_found(client, teacher):
    collection = public(teacher)
    Collection.objects.filter(pk=collection.pk).update(deleted_at=timezone.now())

    assert client.get(f"{LIST}{collection.pk}/").status_code == 404
    assert client.get(LIST).json()["results"] == []


def test_items_keep_their_order_with_sections_and_material_ids(client, teacher):
    first = published_material(teacher, title="Breuken")
    second = published_material(teacher, title="Procenten")
    collection = public(teacher, [first])
    collection_add_section(collection=collection, user=teacher, title="Week 2")
    collection_add_material(collection=collection, user=teacher, material=second)

    items = client.get(f"{LIST}{collection.pk}/").json()["items"]

    assert [(i["type"], i.get("material_id"), i.get("title")) for i in items] == [
        ("material", first.pk, "Breuken"),
        ("section", None, "Week 2"),
        ("material", second.pk, "Procenten"),
    ]
    assert items[0]["url"] == f"http://testserver/api/v1/materials/{first.pk}/"


def test_an_item_whose_material_was_withdrawn_is_unavailable_without_details(client, teacher):
    material = published_material(teacher, title="Ingetrokken breuken")
    collection = public(teacher, [material])
    material_withdraw(material=material, user=teacher)

    body = client.get(f"{LIST}{collection.pk}/")

    assert body.json()["items"] == [{"type": "material", "available": False}]
    assert "Ingetrokken breuken" not in body.content.decode()


def test_the_list_pages_with_a_cursor(client, teacher):
    collections = [public(teacher, title=f"Reeks {n}") for n in range(3)]

    first = client.get(LIST, {"limit": 2}).json()
    second = client.get(first["next"]).json()

    assert [c["id"] for c in first["results"] + second["results"]] == [
        c.pk for c in reversed(collections)
    ]
    assert second["next"] is None


def test_an_invalid_cursor_for_collections_is_refused(client):
    response = client.get(LIST, {"cursor": "!!"})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


def test_the_number_of_queries_does_not_grow_with_the_page_size(
    client, teacher, django_assert_num_queries
):
    public(teacher, title="Eerste")
    with django_assert_num_queries(3) as one:
        client.get(LIST, {"limit": 1})
    for n in range(4):
        public(teacher, title=f"Reeks {n}")

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(LIST, {"limit": 5})

    assert len(response.json()["results"]) == 5
