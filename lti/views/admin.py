"""The admin page with the values a learning environment needs for a manual registration."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lti.tool_configuration import TOOL_NAME, ToolUrls


def tool_configuration(request):
    if not request.user.has_perm("lti.view_registration"):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "lti/admin/tool_configuration.html",
        {
            "urls": ToolUrls.for_request(request),
            "tool_name": TOOL_NAME,
            "page_title": _("Gegevens voor de leeromgeving"),
            "header_icon": "link",
        },
    )
