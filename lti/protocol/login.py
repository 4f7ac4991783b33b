"""OIDC third-party initiated login: check the platform's request, then send the browser on."""

import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from pylti1p3.contrib.django.oidc_login import DjangoOIDCLogin
from pylti1p3.contrib.django.request import DjangoRequest
from pylti1p3.contrib.django.session import DjangoSessionService
from pylti1p3.exception import OIDCException

from lti.models import Registration
from lti.protocol.exchange import LtiExchange
from lti.protocol.refusals import (
    DEPLOYMENT,
    MALFORMED,
    TARGET,
    UNKNOWN_PLATFORM,
    LaunchRefused,
    require,
)
from lti.protocol.tool_conf import ToolConf
from lti.selectors import registration_find, registration_has_deployment

LOGIN_PARAMETERS = (
    "iss",
    "login_hint",
    "target_link_uri",
    "lti_message_hint",
    "lti_deployment_id",
    "client_id",
)


def _is_own_launch_url(request: HttpRequest, url: str) -> bool:
    """Whether the URL is our launch endpoint on the host this request reached."""
    parts = urlsplit(url)
    scheme_ok = parts.scheme == "https" or parts.scheme == request.scheme
    return (
        scheme_ok
        and parts.netloc.lower() == request.get_host().lower()
        and parts.path == reverse("lti:launch")
        and not parts.username
    )


def _redirect_uri(target_link_uri: str) -> str:
    parts = urlsplit(target_link_uri)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


@dataclass(frozen=True)
class LoginRequest:
    """A third-party initiated login that names a registered platform and our launch URL."""

    registration: Registration
    target_link_uri: str
    deployment_id: str
    parameters: dict[str, str]


def login_check(request: HttpRequest) -> LoginRequest:
    """Check a login initiation (GET or POST) before anything is stored or redirected."""
    parameters = {}
    for name in LOGIN_PARAMETERS:
        value = request.GET.get(name, request.POST.get(name, ""))
        if value:
            parameters[name] = value
    issuer = parameters.get("iss", "")
    require(bool(issuer), "issuer_missing", MALFORMED, "login without iss")
    require(bool(parameters.get("login_hint")), "login_hint_missing", MALFORMED)
    target = parameters.get("target_link_uri", "")
    require(bool(target), "target_link_uri_missing", MALFORMED)
    client_id = parameters.get("client_id")
    registration = registration_find(issuer=issuer, client_id=client_id)
    require(
        registration is not None,
        "issuer_unknown",
        UNKNOWN_PLATFORM,
        f"no single active registration for iss={issuer!r} client_id={client_id!r}",
    )
    if not _is_own_launch_url(request, target):
        raise LaunchRefused(
            "target_link_uri_off_site",
            TARGET,
            f"target_link_uri={target!r}",
            registration=registration,
        )
    deployment_id = parameters.get("lti_deployment_id", "")
    if deployment_id and not registration_has_deployment(registration, deployment_id):
        raise LaunchRefused(
            "deployment_unknown",
            DEPLOYMENT,
            f"lti_deployment_id={deployment_id!r}",
            registration=registration,
        )
    return LoginRequest(
        registration=registration,
        target_link_uri=target,
        deployment_id=deployment_id,
        parameters=parameters,
    )


class _OIDCLogin(DjangoOIDCLogin):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._state_params = {}

    def _generate_nonce(self) -> str:
        # pylti1p3's nonce includes uuid1 (the host's MAC address); bind ours to the state.
        nonce = secrets.token_urlsafe(32)
        self._state_params = {**self._state_params, "nonce": nonce}
        return nonce


def login_redirect(exchange: LtiExchange, login: LoginRequest) -> HttpResponse:
    """Store state and nonce for this browser and redirect to the platform's OIDC endpoint."""
    oidc = _OIDCLogin(
        DjangoRequest(exchange.request),
        ToolConf(),
        session_service=DjangoSessionService(exchange.request),
        cookie_service=exchange.cookies,
        launch_data_storage=exchange.storage(),
    )
    oidc.pass_params_to_launch(
        {
            "registration": login.registration.pk,
            "target_link_uri": login.target_link_uri,
            "deployment_id": login.deployment_id,
        }
    )
    try:
        response = oidc.redirect(_redirect_uri(login.target_link_uri))
    except OIDCException as error:
        raise LaunchRefused("login_invalid", MALFORMED, str(error)) from error
    return exchange.finish(response)
