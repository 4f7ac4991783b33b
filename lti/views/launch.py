"""The machine-facing LTI endpoints: OIDC login, launch and the tool's public keys."""

from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lti import protocol
from lti.models import url_origin
from lti.protocol import LaunchRefused, LtiExchange
from lti.selectors import tool_jwks
from lti.services import launch_count_increment, tool_key_current
from lti.views.framing import allow_framing, refusal_response
from lti.views.viewer import launched_collection, launched_material

# Sent by both forms of the cookie check page: continue in the frame, or in a new window.
CONTINUE_PARAMETER = "lti_continue"
KEY_SET_MAX_AGE_SECONDS = 60 * 60


# The platform posts logins and launches cross-site, without our CSRF cookie; state, nonce and
# the platform's signature protect them instead.
@csrf_exempt
@xframe_options_exempt
@require_http_methods(["GET", "POST"])
def login(request):
    """Third-party initiated login: check cookies can be kept, then redirect to the platform."""
    try:
        login_request = protocol.login_check(request)
    except LaunchRefused as refused:
        return refusal_response(request, refused, step="login")
    origins = login_request.registration.platform_origins()
    platform_auth = url_origin(login_request.registration.auth_login_url)
    if CONTINUE_PARAMETER not in request.GET and CONTINUE_PARAMETER not in request.POST:
        response = TemplateResponse(
            request,
            "lti/cookie_check.html",
            {
                "parameters": login_request.parameters,
                "continue_parameter": CONTINUE_PARAMETER,
            },
        )
        return allow_framing(response, origins, form_targets=[platform_auth])
    try:
        return protocol.login_redirect(LtiExchange(request), login_request)
    except LaunchRefused as refused:
        return refusal_response(request, refused, step="login")


@csrf_exempt
@xframe_options_exempt
@require_POST
def launch(request):
    """Validate the id_token, then redirect (303) to the picker, the material or the collection."""
    exchange = LtiExchange(request)
    try:
        validated = protocol.launch_validate(exchange)
        if validated.is_deep_linking:
            target = reverse("lti:picker", args=[validated.launch_id])
        elif validated.collection_id is not None:
            launched_collection(validated)
            target = reverse("lti:collection_viewer", args=[validated.launch_id])
        else:
            shown = launched_material(validated)
            launch_count_increment(material=shown.material, registration=validated.registration)
            target = reverse("lti:viewer", args=[validated.launch_id])
    except LaunchRefused as refused:
        return refusal_response(request, refused, step="launch")
    return exchange.finish(HttpResponseRedirect(target, status=303))


@require_GET
def jwks(request):
    """The tool's public keys (next, current, previous), by kid; the first request creates them."""
    tool_key_current()
    response = JsonResponse(tool_jwks())
    response["Cache-Control"] = f"public, max-age={KEY_SET_MAX_AGE_SECONDS}"
    return response
