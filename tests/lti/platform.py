"""A school's learning environment for the tests: an independent LTI 1.3 platform.

The platform side is the `lti1p3platform` package, used through its abstract classes (its
framework adapters import pkg_resources). Its public endpoints (JWKS, OpenID configuration,
dynamic registration) are served over real HTTP on 127.0.0.1 by PlatformServer.
"""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration as PlatformRegistration
from lti1p3platform.request import Request

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
LIS = "http://purl.imsglobal.org/vocab/lis/v2/"
INSTRUCTOR = LIS + "membership#Instructor"
LEARNER = LIS + "membership#Learner"
ADMINISTRATOR = LIS + "institution/person#Administrator"


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: str
    headers: dict
    body: bytes


@dataclass
class PlatformServer:
    """Answers GET and POST on 127.0.0.1 from a table of routes, and records what it received.

    A route is (status, document) or a function of the request returning one; a document is
    JSON, or HTML when it is a string.
    """

    routes: dict = field(default_factory=dict)
    received: list = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    def start(self) -> "PlatformServer":
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                target = urlsplit(self.path)
                request = RecordedRequest(
                    self.command, target.path, target.query, dict(self.headers), body
                )
                owner.received.append(request)
                route = owner.routes.get((self.command, target.path))
                status, document = route(request) if callable(route) else (route or (404, {}))
                if isinstance(document, str):
                    payload, content_type = document.encode(), "text/html; charset=utf-8"
                else:
                    payload, content_type = json.dumps(document).encode(), "application/json"
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = _answer
            do_POST = _answer

            def log_message(self, format, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address
        return f"http://{host}:{port}"

    def reset(self) -> None:
        self.routes.clear()
        self.received.clear()


@dataclass(frozen=True)
class KeyPair:
    private_pem: str
    public_pem: str

    @classmethod
    def generate(cls) -> "KeyPair":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private_pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()
        public_pem = (
            key.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
        )
        return cls(private_pem, public_pem)

    @property
    def jwk(self) -> dict:
        return PlatformRegistration.get_jwk(self.public_pem)

    @property
    def kid(self) -> str:
        return self.jwk["kid"]


class Platform(LTI1P3PlatformConfAbstract):
    """The learning environment's LTI configuration for our tool."""

    def init_platform_config(
        self,
        *,
        issuer,
        client_id,
        deployment_id,
        tool_url,
        keys,
        tool_key_set=None,
        tool_key_set_url=None,
    ):
        registration = (
            PlatformRegistration()
            .set_iss(issuer)
            .set_client_id(client_id)
            .set_deployment_id(deployment_id)
            .set_oidc_login_url(f"{tool_url}/lti/login/")
            .set_launch_url(f"{tool_url}/lti/launch/")
            .set_deeplink_launch_url(f"{tool_url}/lti/launch/")
            .set_platform_public_key(keys.public_pem)
            .set_platform_private_key(keys.private_pem)
        )
        if tool_key_set is not None:
            registration.set_tool_key_set(tool_key_set)
        if tool_key_set_url is not None:
            registration.set_tool_key_set_url(tool_key_set_url)
        self._registration = registration

    def get_registration_by_params(self, **kwargs):
        return self._registration

    @property
    def issuer(self) -> str:
        return self._registration.get_iss()

    @property
    def client_id(self) -> str:
        return self._registration.get_client_id()

    @property
    def deployment_id(self) -> str:
        return self._registration.get_deployment_id()

    def login_url(self, *, user_id: str = "user-1", message_hint: str = "link-1") -> str:
        login = PlatformLogin(None, self)
        login.set_lti_message_hint(hint=message_hint)
        return login.initiate_login(user_id)


class PlatformLogin(OIDCLoginAbstract):
    def set_lti_message_hint(self, **kwargs):
        self._lti_message_hint = kwargs["hint"]

    def get_redirect(self, url):
        return url


class PlatformRequest(Request):
    def build_metadata(self, request):
        return {"method": "GET", "get_data": request, "form_data": {}, "headers": {}, "path": ""}


class PlatformLaunch(LTIAdvantageMessageLaunchAbstract):
    """The platform's answer to the tool's OIDC authentication request: a signed id_token."""

    def render_launch_form(self, launch_data, **kwargs):
        return launch_data


def authentication_request(redirect_location: str) -> dict:
    """Return the parameters of the tool's redirect to the platform's OIDC endpoint."""
    return dict(parse_qsl(urlsplit(redirect_location).query))


def signed_id_token(keys: KeyPair, claims: dict, *, headers: dict | None = None) -> str:
    return jwt.encode(claims, keys.private_pem, algorithm="RS256", headers=headers)


def resource_link_claims(platform: Platform, auth: dict, **extra) -> dict:
    """A valid resource-link id_token body, by hand: for payloads no platform would send."""
    now = int(time.time())
    claims = {
        "iss": platform.issuer,
        "aud": platform.client_id,
        "azp": platform.client_id,
        "sub": "pseudonym-42",
        "exp": now + 300,
        "iat": now,
        "nonce": auth["nonce"],
        CLAIM + "message_type": "LtiResourceLinkRequest",
        CLAIM + "version": "1.3.0",
        CLAIM + "deployment_id": platform.deployment_id,
        CLAIM + "target_link_uri": auth["redirect_uri"],
        CLAIM + "resource_link": {"id": "link-1"},
        CLAIM + "roles": [LEARNER],
    }
    claims.update(extra)
    return claims
