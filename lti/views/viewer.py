"""The classroom viewer: a material opened from a link in the learning environment."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from lti import protocol
from lti.protocol import Launch, LaunchRefused, LtiExchange, RefusalCategory
from lti.selectors import ViewerMaterial, viewer_material
from lti.views.framing import allow_framing, refusal_response

MATERIAL_UNAVAILABLE = RefusalCategory(
    404,
    _("Dit leermiddel is niet beschikbaar"),
    _(
        "Dit leermiddel is niet (meer) gepubliceerd op NLKA, of de link in je leeromgeving "
        "wijst niet naar een leermiddel. Voeg het leermiddel opnieuw toe via je leeromgeving "
        "en kies het daar uit NLKA."
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
        },
    )
    return allow_framing(response, launch.registration.platform_origins())
