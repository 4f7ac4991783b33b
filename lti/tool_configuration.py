"""What a learning environment needs to know about this tool: its URLs and its registration."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

TOOL_NAME = "NLKA leermiddelen"
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
# Only the pseudonymous user id: the tool needs no names, e-mail addresses or LMS services.
REQUESTED_CLAIMS = ["iss", "sub"]


@dataclass(frozen=True)
class ToolUrls:
    """The tool's public endpoints as a learning environment should enter them."""

    tool: str
    login: str
    launch: str
    jwks: str
    registration: str

    @classmethod
    def for_request(cls, request: HttpRequest) -> "ToolUrls":
        def absolute(name: str) -> str:
            return request.build_absolute_uri(reverse(name))

        return cls(
            tool=request.build_absolute_uri("/"),
            login=absolute("lti:login"),
            launch=absolute("lti:launch"),
            jwks=absolute("lti:jwks"),
            registration=absolute("lti:register"),
        )

    @property
    def redirect_uris(self) -> list[str]:
        return [self.launch]

    @property
    def deep_linking(self) -> str:
        return self.launch

    @property
    def domain(self) -> str:
        return urlsplit(self.launch).netloc


def tool_registration_request(urls: ToolUrls) -> dict:
    """Return the OpenID client registration this tool sends in LTI Dynamic Registration."""
    return {
        "application_type": "web",
        "response_types": ["id_token"],
        "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": urls.login,
        "redirect_uris": urls.redirect_uris,
        "client_name": TOOL_NAME,
        "jwks_uri": urls.jwks,
        "token_endpoint_auth_method": "private_key_jwt",
        # The tool calls no LMS services (grades, rosters), so it asks for no scopes.
        "scope": "",
        TOOL_CONFIGURATION: {
            "domain": urls.domain,
            "target_link_uri": urls.launch,
            "description": _("Kies open leermiddelen van NLKA en zet ze in je cursus."),
            "claims": REQUESTED_CLAIMS,
            "messages": [
                {
                    "type": "LtiDeepLinkingRequest",
                    "target_link_uri": urls.deep_linking,
                    "label": _("NLKA-leermiddel kiezen"),
                }
            ],
        },
    }
