"""LTI Dynamic Registration: a learning environment's administrator couples NLKA in one step."""

import logging

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lti.dynamic_registration import (
    RegistrationFailed,
    platform_configuration_fetch,
    platform_register,
)
from lti.models import url_origin
from lti.tool_configuration import ToolUrls
from lti.views.framing import allow_framing

logger = logging.getLogger("lti")


# The confirmation is posted from inside the platform's frame, where our CSRF cookie
# (SameSite=Lax) is withheld; the one-time registration token is what authorises it.
@csrf_exempt
@xframe_options_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def register(request):
    """Show what will be coupled (GET), then register with the platform (POST)."""
    data = request.POST if request.method == "POST" else request.GET
    configuration_url = data.get("openid_configuration", "")
    token = data.get("registration_token", "")
    try:
        configuration = platform_configuration_fetch(configuration_url, token)
        if request.method == "GET":
            response = TemplateResponse(
                request,
                "lti/register_confirm.html",
                {
                    "configuration": configuration,
                    "openid_configuration": configuration_url,
                    "registration_token": token,
                },
            )
        else:
            registration = platform_register(configuration, token, ToolUrls.for_request(request))
            logger.info(
                "LTI dynamic registration stored: %s (client %s)",
                registration.issuer,
                registration.client_id,
            )
            response = TemplateResponse(
                request,
                "lti/registered.html",
                {
                    "registration": registration,
                    "has_deployment": registration.deployments.exists(),
                },
            )
    except RegistrationFailed as failure:
        logger.warning("LTI registration refused (%s): %s", failure.reason, failure.detail or "-")
        response = TemplateResponse(
            request, "lti/register_failed.html", {"reason": failure.reason}, status=400
        )
    # The platform may have opened this page as a popup and waits for our message on opener.
    response["Cross-Origin-Opener-Policy"] = "unsafe-none"
    origin = url_origin(configuration_url)
    return allow_framing(response, [origin] if origin else [])
