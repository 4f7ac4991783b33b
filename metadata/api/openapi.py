"""The OpenAPI 3.1 document of the read API, built in code next to the views it describes.

Every object schema forbids properties it does not name, so the tests that check real
answers against this document also catch a field that should not be there.
"""

from django.utils.translation import gettext as _

from metadata.api.paging import DEFAULT_LIMIT, MAX_LIMIT
from repository.models import ReviewStatus

NULLABLE_STRING = {"type": ["string", "null"]}
MOMENT = {"type": "string", "format": "date-time"}
NULLABLE_MOMENT = {"type": ["string", "null"], "format": "date-time"}
URL = {"type": "string", "format": "uri"}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict, *, required: list[str] | None = None) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }


def _list_of(name: str) -> dict:
    return {"type": "array", "items": _ref(name)}


def _schemas() -> dict:
    concept_list = _list_of("Concept")
    material_summary = {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "language": {"type": "string"},
        "licence": _ref("Licence"),
        "review_status": _ref("ReviewStatus"),
        "authors": _list_of("Author"),
        "levels": concept_list,
        "subjects": concept_list,
        "curriculum_goals": concept_list,
        "first_published_at": MOMENT,
        "last_published_at": MOMENT,
        "url": URL,
        "page_url": URL,
    }
    collection_summary = {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "language": {"type": "string"},
        "licence": _ref("Licence"),
        "author": _ref("Author"),
        "levels": concept_list,
        "subjects": concept_list,
        "material_count": {"type": "integer", "minimum": 0},
        "updated_at": MOMENT,
        "url": URL,
        "page_url": URL,
    }
    return {
        "Error": _object(
            {
                "error": _object(
                    {
                        "code": {
                            "type": "string",
                            "enum": [
                                "invalid_cursor",
                                "invalid_limit",
                                "invalid_filter",
                                "not_found",
                                "method_not_allowed",
                            ],
                        },
                        "message": {"type": "string"},
                    }
                )
            }
        ),
        "Withdrawn": _object(
            {
                "error": _object({"code": {"const": "withdrawn"}, "message": {"type": "string"}}),
                "id": {"type": "integer"},
                "withdrawn_at": MOMENT,
            }
        ),
        "Index": _object({"materials": URL, "collections": URL, "openapi": URL}),
        "Label": _object(
            {"nl": {"type": "string"}, "en": {"type": "string"}},
        ),
        "Concept": _object(
            {
                "identifier": {"type": "string"},
                "uri": {"type": "string"},
                "notation": {"type": "string"},
                "label": _ref("Label"),
            }
        ),
        "Licence": _object(
            {
                "code": {"type": "string"},
                "uri": {"type": ["string", "null"]},
                "label": _ref("Label"),
            }
        ),
        "ReviewStatus": _object(
            {"code": {"type": "string", "enum": list(ReviewStatus.values)}, "label": _ref("Label")}
        ),
        "Author": _object({"name": {"type": "string"}}),
        "MaterialSummary": _object(material_summary),
        "MaterialList": _object(
            {"results": _list_of("MaterialSummary"), "next": {"type": ["string", "null"]}}
        ),
        "File": _object(
            {
                "name": {"type": "string"},
                "role": {"type": "string", "enum": ["main", "attachment", "source"]},
                "size": {"type": "integer", "minimum": 0},
                "mime_type": {"type": "string"},
                "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
                "removed": {"type": "boolean"},
                "download_url": {"type": ["string", "null"], "format": "uri"},
            }
        ),
        "Version": _object(
            {
                "number": {"type": "integer", "minimum": 1},
                "title": {"type": "string"},
                "licence": _ref("Licence"),
                "change_note": {"type": "string"},
                "published_at": MOMENT,
                "zip_url": URL,
                "files": _list_of("File"),
            }
        ),
        "Review": _object(
            {
                "code": {"type": "string", "enum": list(ReviewStatus.values)},
                "label": _ref("Label"),
                "framework_version": NULLABLE_STRING,
                "reviewed_at": NULLABLE_MOMENT,
                "reviewer_count": {"type": "integer", "minimum": 0},
            }
        ),
        "Source": _object(
            {
                "title": {"type": "string"},
                "authors": {"type": "string"},
                "url": URL,
                "version": {"type": "integer"},
                "licence": _ref("Licence"),
            }
        ),
        "MaterialDetail": _object(
            {
                **material_summary,
                "description": {"type": "string"},
                "keywords": {"type": "array", "items": {"type": "string"}},
                "resource_types": concept_list,
                "end_user_roles": concept_list,
                "accessibility_features": concept_list,
                "accessibility_hazards": concept_list,
                "accessibility_summary": {"type": "string"},
                "time_required_minutes": {"type": ["integer", "null"]},
                "review": _ref("Review"),
                "versions": _list_of("Version"),
                "based_on": _list_of("Source"),
                "zip_url": {"type": ["string", "null"], "format": "uri"},
                "jsonld_id": URL,
            }
        ),
        "CollectionSummary": _object(collection_summary),
        "CollectionList": _object(
            {"results": _list_of("CollectionSummary"), "next": {"type": ["string", "null"]}}
        ),
        "CollectionItem": {
            "oneOf": [
                _object({"type": {"const": "section"}, "title": {"type": "string"}}),
                _object(
                    {
                        "type": {"const": "material"},
                        "available": {"const": True},
                        "material_id": {"type": "integer"},
                        "title": {"type": "string"},
                        "version": {"type": "integer"},
                        "note": {"type": "string"},
                        "url": URL,
                        "page_url": URL,
                    }
                ),
                _object({"type": {"const": "material"}, "available": {"const": False}}),
            ]
        },
        "CollectionDetail": _object(
            {
                **collection_summary,
                "description": {"type": "string"},
                "based_on_attribution": {"type": "string"},
                "zip_url": URL,
                "items": _list_of("CollectionItem"),
            }
        ),
    }


def _json(schema_name: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref(schema_name)}},
    }


def _errors(*statuses: int) -> dict:
    descriptions = {
        400: _("Een parameter is ongeldig."),
        404: _("Bestaat niet of is niet openbaar."),
        405: _("Alleen GET, HEAD en OPTIONS."),
    }
    return {str(status): _json("Error", descriptions[status]) for status in statuses}


def _query(name: str, description: str, schema: dict, *, repeatable: bool = False) -> dict:
    if repeatable:
        schema = {"type": "array", "items": schema}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if repeatable else {}),
    }


def _paging_parameters() -> list[dict]:
    return [
        _query(
            "cursor",
            _("De cursor uit ‘next’ van de vorige pagina."),
            {"type": "string"},
        ),
        _query(
            "limit",
            _("Aantal resultaten per pagina."),
            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
        ),
    ]


def _material_parameters() -> list[dict]:
    vocabulary = _("Identificatie of URI van een begrip; herhaal voor meer (één ervan volstaat).")
    return [
        _query("q", _("Zoekwoorden; alle woorden moeten voorkomen."), {"type": "string"}),
        _query("level", vocabulary, {"type": "string"}, repeatable=True),
        _query("subject", vocabulary, {"type": "string"}, repeatable=True),
        _query("curriculum_goal", vocabulary, {"type": "string"}, repeatable=True),
        _query(
            "licence",
            _("Licentiecode (cc-by-4.0) of licentie-URI."),
            {"type": "string"},
            repeatable=True,
        ),
        _query("language", _("Taalcode, zoals nl."), {"type": "string"}, repeatable=True),
        _query(
            "review_status",
            _("Beoordelingsstatus."),
            {"type": "string", "enum": list(ReviewStatus.values)},
            repeatable=True,
        ),
        _query(
            "updated_since",
            _("Alleen leermiddelen die op of na dit moment zijn gepubliceerd."),
            MOMENT,
        ),
        *_paging_parameters(),
    ]


def _id_parameter() -> dict:
    return {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}


def openapi_document(*, server_url: str) -> dict:
    """Return the OpenAPI 3.1 description of every path, parameter, answer and error."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "NLKA leermiddelen-API",
            "version": "1.0.0",
            "description": _(
                "Alleen-lezen toegang tot gepubliceerde leermiddelen en openbare "
                "arrangementen. Ingetrokken en verwijderde leermiddelen staan niet in de "
                "lijst; OAI-PMH (/oai) meldt ze als verwijderd."
            ),
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/": {
                "get": {
                    "operationId": "index",
                    "summary": _("Overzicht van de API"),
                    "responses": {
                        "200": _json("Index", _("Links naar de onderdelen.")),
                        **_errors(405),
                    },
                }
            },
            "/materials/": {
                "get": {
                    "operationId": "listMaterials",
                    "summary": _("Gepubliceerde leermiddelen, laatst gepubliceerd eerst"),
                    "parameters": _material_parameters(),
                    "responses": {
                        "200": _json("MaterialList", _("Een pagina leermiddelen.")),
                        **_errors(400, 405),
                    },
                }
            },
            "/materials/{id}/": {
                "get": {
                    "operationId": "getMaterial",
                    "summary": _("Eén gepubliceerd leermiddel"),
                    "parameters": [_id_parameter()],
                    "responses": {
                        "200": _json("MaterialDetail", _("Het leermiddel.")),
                        "410": _json("Withdrawn", _("Het leermiddel is ingetrokken.")),
                        **_errors(404, 405),
                    },
                }
            },
            "/collections/": {
                "get": {
                    "operationId": "listCollections",
                    "summary": _("Openbare arrangementen, laatst gewijzigd eerst"),
                    "parameters": _paging_parameters(),
                    "responses": {
                        "200": _json("CollectionList", _("Een pagina arrangementen.")),
                        **_errors(400, 405),
                    },
                }
            },
            "/collections/{id}/": {
                "get": {
                    "operationId": "getCollection",
                    "summary": _("Eén openbaar arrangement"),
                    "parameters": [_id_parameter()],
                    "responses": {
                        "200": _json("CollectionDetail", _("Het arrangement.")),
                        **_errors(404, 405),
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": _("Dit document"),
                    "responses": {
                        "200": {
                            "description": _("Het OpenAPI-document."),
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        **_errors(405),
                    },
                }
            },
        },
        "components": {"schemas": _schemas()},
    }
