"""The read API's views: parse the request, ask a selector, answer JSON."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from metadata.api.filters import material_filters
from metadata.api.openapi import openapi_document
from metadata.api.paging import Cursor, cursor_decode, cursor_encode, limit_parse
from metadata.api.responses import api_error, api_json, not_found, read_only
from metadata.api.selectors import (
    api_collection,
    api_collection_page,
    api_material,
    api_material_page,
)
from metadata.api.serializers import (
    collection_detail_json,
    collection_summary_json,
    material_detail_json,
    material_summary_json,
    material_withdrawn_json,
)
from repository.selectors.collections import collection_entries
from repository.selectors.material_page import material_page_versions
from repository.selectors.review import material_review_summary


def _paging(request) -> tuple[Cursor | None, int]:
    text = request.GET.get("cursor")
    return (cursor_decode(text) if text else None), limit_parse(request.GET.get("limit"))


def _next_url(request, cursor: Cursor | None) -> str | None:
    if cursor is None:
        return None
    query = request.GET.copy()
    query["cursor"] = cursor_encode(cursor)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _url(request, name: str) -> str:
    return request.build_absolute_uri(reverse(name))


@read_only
def api_index(request):
    """List the endpoints and the OpenAPI document."""
    return api_json(
        {
            "materials": _url(request, "api:material_list"),
            "collections": _url(request, "api:collection_list"),
            "openapi": _url(request, "api:openapi"),
        }
    )


@read_only
def material_list(request):
    """List published materials, most recently published first, a page at a time."""
    filters = material_filters(request.GET)
    cursor, limit = _paging(request)
    materials, next_cursor = api_material_page(filters, cursor=cursor, limit=limit)
    return api_json(
        {
            "results": [material_summary_json(material, request) for material in materials],
            "next": _next_url(request, next_cursor),
        }
    )


@read_only
def material_detail(request, pk: int):
    """Describe one published material; 410 once withdrawn, 404 for anything else."""
    lookup = api_material(pk)
    if lookup.withdrawn is not None:
        return api_json(
            material_withdrawn_json(
                lookup.withdrawn, _("Dit leermiddel is ingetrokken en niet meer beschikbaar.")
            ),
            status=410,
        )
    if lookup.material is None:
        return not_found()
    material = lookup.material
    return api_json(
        material_detail_json(
            material,
            request,
            versions=material_page_versions(material),
            review=material_review_summary(material),
        )
    )


@read_only
def collection_list(request):
    """List public collections, most recently changed first, a page at a time."""
    cursor, limit = _paging(request)
    collections, next_cursor = api_collection_page(cursor=cursor, limit=limit)
    return api_json(
        {
            "results": [collection_summary_json(c, request) for c in collections],
            "next": _next_url(request, next_cursor),
        }
    )


@read_only
def collection_detail(request, pk: int):
    """Describe one public collection with its items in order."""
    collection = api_collection(pk)
    if collection is None:
        return not_found()
    return api_json(
        collection_detail_json(collection, request, entries=collection_entries(collection))
    )


@read_only
def openapi(request):
    """Return the OpenAPI 3.1 document that describes this API."""
    # The document's descriptions are Dutch, whatever language the client asks for.
    with translation.override(settings.LANGUAGE_CODE):
        return api_json(openapi_document(server_url=_url(request, "api:index")))


@read_only
def unknown_path(request, path: str = ""):
    return api_error("not_found", _("Dit adres bestaat niet in de API."), status=404)
