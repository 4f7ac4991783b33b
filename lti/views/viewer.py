"""The classroom viewer: a material or collection opened from a link in the learning environment."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from lti import protocol
from lti.protocol import Launch, LaunchRefused, LtiExchange, RefusalCategory
from lti.selectors import ViewerMaterial, viewer_material
from lti.views.framing import allow_framing, refusal_response
from repository.models import Collection
from repository.selectors.collections import collection_entries, collection_parts

MATERIAL_UNAVAILABLE = RefusalCategory(
    404,
    _("Dit leermiddel is niet beschikbaar"),
    _(
        "Dit leermiddel is niet (meer) gepubliceerd op NLKA, of de link in je leeromgeving "
        "wijst niet naar een leermiddel. Voeg het leermiddel opnieuw toe via je leeromgeving "
        "en kies het daar uit NLKA."
    ),
)


COLLECTION_UNAVAILABLE = RefusalCategory(
    404,
    _("Dit arrangement is niet beschikbaar"),
    _(
        "Dit arrangement is verwijderd of wordt niet meer gedeeld op NLKA. Voeg het opnieuw "
        "toe via je leeromgeving, of kies een ander arrangement."
    ),
)


def launched_material(launch: Launch) -> ViewerMaterial:
    """Return the published material the launch points at, or refuse with a 404."""
    shown = viewer_material(launch.material_id) if launch.material_id else None
    if shown is None:
        raise LaunchRefused(
            "material_unavailable",
            MATERIAL_UNAVAILABLE,
            f"material_id={launch.material_id!r}",
            registration=launch.registration,
        )
    return shown


def launched_collection(launch: Launch) -> Collection:
    """Return the public or unlisted collection the launch points at, or refuse with a 404."""
    collection = None
    if launch.collection_id:
        collection = (
            Collection.objects.viewable()
            .select_related("owner")
            .filter(pk=launch.collection_id)
            .first()
        )
    if collection is None:
        raise LaunchRefused(
            "collection_unavailable",
            COLLECTION_UNAVAILABLE,
            f"collection_id={launch.collection_id!r}",
            registration=launch.registration,
        )
    return collection


def _material_response(request, launch: Launch, shown: ViewerMaterial, **extra):
    material_url = request.build_absolute_uri(shown.material.get_absolute_url())
    response = TemplateResponse(
        request,
        "lti/viewer.html",
        {
            "shown": shown,
            "material": shown.material,
            "version": shown.version,
            "attribution": shown.attribution(material_url),
            "material_url": material_url,
            "is_instructor": launch.is_instructor,
            **extra,
        },
    )
    return allow_framing(response, launch.registration.platform_origins())


@xframe_options_exempt
@require_GET
def viewer(request, launch_id: str):
    """Show the material's current version with its files; instructors also see its metadata."""
    exchange = LtiExchange(request)
    try:
        launch = protocol.launch_restore(
            exchange, launch_id, message_type=protocol.RESOURCE_LINK_REQUEST
        )
        shown = launched_material(launch)
    except LaunchRefused as refused:
        return refusal_response(request, refused, step="viewer")
    return _material_response(request, launch, shown)


@xframe_options_exempt
@require_GET
def collection_viewer(request, launch_id: str):
    """Show the launched collection: its sections, notes and materials, each opening in turn."""
    exchange = LtiExchange(request)
    try:
        launch = protocol.launch_restore(
            exchange, launch_id, message_type=protocol.RESOURCE_LINK_REQUEST
        )
        collection = launched_collection(launch)
    except LaunchRefused as refused:
        return refusal_response(request, refused, step="collection_viewer")
    response = TemplateResponse(
        request,
        "lti/collection_viewer.html",
        {
            "collection": collection,
            "parts": collection_parts(collection_entries(collection)),
            "launch_id": launch_id,
            "collection_url": request.build_absolute_uri(collection.get_absolute_url()),
            "is_instructor": launch.is_instructor,
        },
    )
    return allow_framing(response, launch.registration.platform_origins())


@xframe_options_exempt
@require_GET
def collection_material_viewer(request, launch_id: str, material_id: int):
    """Show one material of the launched collection, with a way back to the collection."""
    exchange = LtiExchange(request)
    try:
        launch = protocol.launch_restore(
            exchange, launch_id, message_type=protocol.RESOURCE_LINK_REQUEST
        )
        collection = launched_collection(launch)
        in_collection = collection.items.filter(material_id=material_id).exists()
        shown = viewer_material(material_id) if in_collection else None
        if shown is None:
            raise LaunchRefused(
                "material_unavailable",
                MATERIAL_UNAVAILABLE,
                f"material_id={material_id!r} in collection_id={collection.pk!r}",
                registration=launch.registration,
            )
    except LaunchRefused as refused:
        return refusal_response(request, refused, step="collection_viewer")
    return _material_response(request, launch, shown, collection=collection, launch_id=launch_id)
