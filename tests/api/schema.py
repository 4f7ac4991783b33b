"""Check real API answers against the schemas of the API's own OpenAPI document."""

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from metadata.api.openapi import openapi_document

DOCUMENT_URI = "urn:nlka:api:openapi"


def _registry(document: dict) -> Registry:
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    return Registry().with_resource(DOCUMENT_URI, resource)


def assert_matches_schema(body: dict, schema_name: str) -> None:
    """Fail with the validator's message when the body does not fit the named schema."""
    document = openapi_document(server_url="http://testserver/api/v1/")
    schema = {"$ref": f"{DOCUMENT_URI}#/components/schemas/{schema_name}"}
    jsonschema.Draft202012Validator(
        schema,
        registry=_registry(document),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    ).validate(body)
