"""LTI Dynamic Registration 1.0: read a platform's configuration and register this tool with it."""

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

import requests

from lti.models import Registration, url_origin
from lti.services import registration_save_dynamic
from lti.tool_configuration import TOOL_CONFIGURATION, ToolUrls, tool_registration_request

PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration"
HTTP_TIMEOUT_SECONDS = 10
MAX_RESPONSE_BYTES = 1_000_000


class RegistrationFailed(Exception):
    """Dynamic registration could not be completed; `reason` is for the log."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class PlatformConfiguration:
    """The parts of a platform's OpenID configuration the tool registers against."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    registration_endpoint: str
    product_family_code: str

    @property
    def name(self) -> str:
        product = self.product_family_code or "LTI"
        return f"{product.capitalize()} ({urlsplit(self.issuer).netloc})"


def _allowed_schemes() -> tuple[str, ...]:
    # Plain http only where settings allow it explicitly (local development and tests).
    if getattr(settings, "LTI_ALLOW_HTTP_PLATFORMS", False):
        return ("https", "http")
    return ("https",)


def _checked_url(value, field: str) -> str:
    parts = urlsplit(value) if isinstance(value, str) else None
    if (
        parts is None
        or parts.scheme not in _allowed_schemes()
        or not parts.hostname
        or parts.username
        or parts.fragment
    ):
        raise RegistrationFailed("url_invalid", f"{field}={value!r}")
    return value


def _json_object(response: requests.Response, what: str) -> dict:
    with response:
        if response.status_code not in (200, 201):
            raise RegistrationFailed("platform_http_error", f"{what}: HTTP {response.status_code}")
        content = b""
        for chunk in response.iter_content(chunk_size=65536):
            content += chunk
            if len(content) > MAX_RESPONSE_BYTES:
                raise RegistrationFailed("platform_response_too_large", what)
    try:
        data = json.loads(content)
    except ValueError as error:
        raise RegistrationFailed("platform_response_not_json", f"{what}: {error}") from error
    if not isinstance(data, dict):
        raise RegistrationFailed("platform_response_not_json", f"{what}: not an object")
    return data


def _headers(registration_token: str) -> dict[str, str]:
    headers = {"Accept": "application/json"}
    if registration_token:
        headers["Authorization"] = f"Bearer {registration_token}"
    return headers


def platform_configuration_fetch(url: str, registration_token: str) -> PlatformConfiguration:
    """Read the platform's OpenID configuration; its issuer must share the URL's origin."""
    url = _checked_url(url, "openid_configuration")
    try:
        response = requests.get(
            url,
            headers=_headers(registration_token),
            timeout=HTTP_TIMEOUT_SECONDS,
            allow_redirects=False,
            stream=True,
        )
    except requests.RequestException as error:
        raise RegistrationFailed("platform_unreachable", f"{url}: {error}") from error
    data = _json_object(response, "openid configuration")
    issuer = _checked_url(data.get("issuer"), "issuer")
    if urlsplit(issuer).query or url_origin(issuer) != url_origin(url):
        raise RegistrationFailed(
            "issuer_origin_mismatch", f"issuer {issuer!r} for configuration at {url!r}"
        )
    platform = data.get(PLATFORM_CONFIGURATION)
    product = platform.get("product_family_code") if isinstance(platform, dict) else ""
    return PlatformConfiguration(
        issuer=issuer,
        authorization_endpoint=_checked_url(
            data.get("authorization_endpoint"), "authorization_endpoint"
        ),
        token_endpoint=_checked_url(data.get("token_endpoint"), "token_endpoint"),
        jwks_uri=_checked_url(data.get("jwks_uri"), "jwks_uri"),
        registration_endpoint=_checked_url(
            data.get("registration_endpoint"), "registration_endpoint"
        ),
        product_family_code=product if isinstance(product, str) else "",
    )


def platform_register(
    configuration: PlatformConfiguration, registration_token: str, urls: ToolUrls
) -> Registration:
    """Post this tool's registration to the platform and store the client and deployment."""
    try:
        response = requests.post(
            configuration.registration_endpoint,
            json=tool_registration_request(urls),
            headers=_headers(registration_token),
            timeout=HTTP_TIMEOUT_SECONDS,
            allow_redirects=False,
            stream=True,
        )
    except requests.RequestException as error:
        raise RegistrationFailed(
            "platform_unreachable", f"{configuration.registration_endpoint}: {error}"
        ) from error
    data = _json_object(response, "client registration")
    client_id = data.get("client_id")
    if not isinstance(client_id, str) or not client_id:
        raise RegistrationFailed("client_id_missing", repr(client_id))
    tool_configuration = data.get(TOOL_CONFIGURATION)
    deployment_id = (
        tool_configuration.get("deployment_id") if isinstance(tool_configuration, dict) else None
    )
    try:
        return registration_save_dynamic(
            name=configuration.name,
            issuer=configuration.issuer,
            client_id=client_id,
            auth_login_url=configuration.authorization_endpoint,
            auth_token_url=configuration.token_endpoint,
            key_set_url=configuration.jwks_uri,
            deployment_id=str(deployment_id) if deployment_id else None,
        )
    except ValidationError as error:
        raise RegistrationFailed("registration_invalid", str(error.message_dict)) from error
