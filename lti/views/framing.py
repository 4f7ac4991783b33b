"""Which learning environments may show an LTI page, and the page for a refused request."""

import logging
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from lti.protocol import LaunchRefused
from lti.selectors import active_platform_origins

logger = logging.getLogger("lti")


def allow_framing(
    response: HttpResponse, origins: Iterable[str], *, form_targets: Iterable[str] = ()
) -> HttpResponse:
    """Let these origins frame the response (the view is xframe_options_exempt).

    Every other page keeps the site-wide frame-ancestors 'none' and X-Frame-Options DENY.
    Form targets extend form-action, which browsers also apply to redirects after a submit.
    """
    response._csp_replace = {"frame-ancestors": list(origins) or ["'none'"]}
    targets = [target for target in form_targets if target]
    if targets:
        response._csp_update = {"form-action": targets}
    return response


def refusal_response(request: HttpRequest, refused: LaunchRefused, *, step: str) -> HttpResponse:
    """Log why an LTI request was refused and explain it in Dutch, with a 4xx status."""
    logger.warning("LTI %s refused (%s): %s", step, refused.reason, refused.detail or "-")
    response = TemplateResponse(
        request,
        "lti/refused.html",
        {
            "title": refused.category.title,
            "message": refused.category.message,
            "reason": refused.reason,
        },
        status=refused.category.status,
    )
    if refused.registration is not None:
        origins = refused.registration.platform_origins()
    else:
        origins = active_platform_origins()
    return allow_framing(response, origins)
