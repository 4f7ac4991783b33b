import jsonschema
import pytest
from openapi_spec_validator import validate

from cms.urls import urlpatterns
from metadata.api.openapi import openapi_document
from repository.models import Collection
from repository.services.materials import material_withdraw
from tests.api.schema import assert_matches_schema
from tests.repository.factories import collection_of, make_published_remix, published_material

pytestmark = pytest.mark.django_db


def test_the_served_document_is_valid_openapi_3_1(client):
    document = client.get("/api/v1/openapi.json").json()

    validate(document)
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://testserver/api/v1"}]


def test_every_route_of_the_api_is_described():
    api = next(p for p in urlpatterns if str(p.pattern) == "api/v1/")
    routes = {
        "/" + str(pattern.pattern).replace("<int:pk>", "{id}")
        for pattern in api.url_patterns
        if pattern.name != "unknown"
    }

    assert routes == set(openapi_document(server_url="http://x/")["paths"])


def test_the_index_links_to_the_endpoints_and_the_document(client):
    body = client.get("/api/v1/").json()

    assert_matches_schema(body, "Index")
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"


def test_the_material_list_matches_its_schema(client, teacher):
    source = published_material(teacher)
    make_published_remix([source], teacher, "Bewerking")

    assert_matches_schema(client.get("/api/v1/materials/", {"limit": 1}).json(), "MaterialList")


def test_a_material_with_sources_matches_the_detail_schema(client, teacher):
    source = published_material(teacher)
    remix = make_published_remix([source], teacher, "Bewerking")

    body = client.get(f"/api/v1/materials/{remix.pk}/").json()

    assert body["based_on"]
    assert_matches_schema(body, "MaterialDetail")


def test_a_withdrawn_material_matches_the_withdrawn_schema(client, teacher):
    material = published_material(teacher)
    material_withdraw(material=material, user=teacher)

    assert_matches_schema(client.get(f"/api/v1/materials/{material.pk}/").json(), "Withdrawn")


def test_collections_match_their_schemas(client, teacher):
    kept = published_material(teacher, title="Blijft")
    gone = published_material(teacher, title="Gaat weg")
    collection = collection_of(teacher, [kept, gone], visibility=Collection.Visibility.PUBLIC)
    material_withdraw(material=gone, user=teacher)

    assert_matches_schema(client.get("/api/v1/collections/").json(), "CollectionList")
    assert_matches_schema(
        client.get(f"/api/v1/collections/{collection.pk}/").json(), "CollectionDetail"
    )


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/materials/?limit=500",
        "/api/v1/materials/?cursor=x",
        "/api/v1/materials/?level=onbekend",
        "/api/v1/materials/424242/",
        "/api/v1/collections/424242/",
        "/api/v1/bestaat-niet/",
    ],
)
def test_errors_match_the_error_schema(client, url):
    assert_matches_schema(client.get(url).json(), "Error")


def test_a_field_the_document_does_not_name_fails_the_check(client, teacher):
    # The schemas forbid unnamed properties: a leaked field (an e-mail address) is caught.
    published_material(teacher)
    body = client.get("/api/v1/materials/").json()
    assert_matches_schema(body, "MaterialList")
    body["results"][0]["email"] = teacher.email

    with pytest.raises(jsonschema.ValidationError, match="email"):
        assert_matches_schema(body, "MaterialList")
