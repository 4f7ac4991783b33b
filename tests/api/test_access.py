"""The read API shows published materials and public collections only, and no private data."""

from django.utils import timezone

import pytest

from repository.models import Feedback, Material
from repository.services.bin import material_delete
from repository.services.materials import material_save_draft, material_withdraw
from tests.repository.factories import draft_material, published_material

pytestmark = pytest.mark.django_db

LIST = "/api/v1/materials/"


def listed_ids(client) -> list[int]:
    return [entry["id"] for entry in client.get(LIST).json()["results"]]


def test_drafts_never_appear_in_the_list(client, teacher):
    draft_material(teacher, title="Nog niet af")

    assert listed_ids(client) == []


def test_withdrawn_materials_never_appear_in_the_list(client, teacher):
    material = published_material(teacher)
    material_withdraw(material=material, user=teacher, reason="Fout")

    assert listed_ids(client) == []


def test_deleted_materials_never_appear_in_the_list(client, teacher):
    material = published_material(teacher)
    # A published material cannot be binned by its owner; a stale live row must still not show.
    Material.objects.filter(pk=material.pk).update(deleted_at=timezone.now())

    assert listed_ids(client) == []


def test_a_draft_id_gets_exactly_the_same_404_as_an_unused_id(client, teacher):
    draft = draft_material(teacher)

    for_draft = client.get(f"/api/v1/materials/{draft.pk}/")
    for_unused = client.get(f"/api/v1/materials/{draft.pk + 1000}/")

    assert for_draft.status_code == for_unused.status_code == 404
    assert for_draft.content == for_unused.content
    assert for_draft.json()["error"]["code"] == "not_found"


def test_a_deleted_material_gets_the_same_404_as_an_unused_id(client, teacher):
    material = published_material(teacher)
    material_withdraw(material=material, user=teacher)
    material_delete(material=material, user=teacher)

    response = client.get(f"/api/v1/materials/{material.pk}/")

    assert response.status_code == 404
    assert response.content == client.get("/api/v1/materials/999999/").content


def test_a_withdrawn_material_is_gone_with_a_small_body(client, teacher):
    material = published_material(teacher, title="Oude breuken")
    material_withdraw(material=material, user=teacher, reason="Verouderd lesmateriaal")

    response = client.get(f"/api/v1/materials/{material.pk}/")

    assert response.status_code == 410
    assert set(response.json()) == {"error", "id", "withdrawn_at"}
    assert response.json()["error"]["code"] == "withdrawn"
    assert "Oude breuken" not in response.content.decode()
    assert "Verouderd" not in response.content.decode()


def test_unpublished_changes_of_a_published_material_are_not_shown(client, teacher):
    material = published_material(teacher, title="Gepubliceerde titel")
    material_save_draft(material=material, user=teacher, data={"title": "Geheime nieuwe titel"})

    detail = client.get(f"/api/v1/materials/{material.pk}/").content.decode()
    listing = client.get(LIST).content.decode()

    assert "Gepubliceerde titel" in detail
    assert "Geheime nieuwe titel" not in detail + listing


def test_a_signed_in_author_sees_no_own_draft_through_the_api(client, teacher):
    draft = draft_material(teacher)
    client.force_login(teacher)

    assert client.get(f"/api/v1/materials/{draft.pk}/").status_code == 404
    assert listed_ids(client) == []


def test_no_email_address_or_account_name_appears_in_any_answer(client, teacher, other_teacher):
    material = published_material(teacher)
    material.co_authors.add(other_teacher)
    material.save()

    bodies = (
        client.get(LIST).content.decode()
        + client.get(f"/api/v1/materials/{material.pk}/").content.decode()
    )

    for user in (teacher, other_teacher):
        assert user.email not in bodies
        assert f'"{user.username}"' not in bodies
    assert teacher.name in bodies


def test_feedback_from_students_never_appears(client, teacher):
    material = published_material(teacher)
    Feedback.objects.create(
        material=material,
        role=Feedback.Role.STUDENT,
        helpful=Feedback.Helpful.YES,
        comment="Mijn juf legt het beter uit",
        status=Feedback.Status.APPROVED,
    )

    body = client.get(f"/api/v1/materials/{material.pk}/").content.decode()

    assert "Mijn juf" not in body


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused_with_405_naming_the_allowed_methods(client, teacher, method):
    material = published_material(teacher)

    response = getattr(client, method)(f"/api/v1/materials/{material.pk}/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_answers_are_public_for_a_minute_readable_from_any_origin_and_not_sniffed(client):
    response = client.get(LIST)

    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/json"


def test_errors_carry_the_same_public_headers(client):
    response = client.get(LIST, {"limit": "0"})

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_cors_preflight_is_answered_without_a_body(client):
    response = client.options(LIST, HTTP_ORIGIN="https://elo.example")

    assert response.status_code == 204
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_the_api_sets_no_cookie(client, teacher):
    published_material(teacher)

    response = client.get(LIST)

    assert not response.cookies


@pytest.mark.parametrize(
    "url", ["/api/v1/materials/99999999999999999999/", "/api/v1/collections/99999999999999999999/"]
)
def test_an_id_too_large_for_the_database_is_simply_not_found(client, url):
    assert client.get(url).status_code == 404
