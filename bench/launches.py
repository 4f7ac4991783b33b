"""LTI launches prepared ahead of a load run: a learning environment of our own, in bench code.

Every launch needs its own OIDC login (a state cookie and a nonce in the tool's LTI session)
and an id_token signed by the platform; nonces are single-use. So the login steps run first,
against the running server, and each finished launch (Cookie header and form body) is written
to a file that bench/lua/launches.lua posts once per line.
"""

import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import jwt
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
# Long enough for every prepared token to outlive the load run that sends it.
TOKEN_SECONDS = 60 * 60


@dataclass(frozen=True)
class BenchPlatform:
    """The learning environment's identity and signing key."""

    issuer: str
    client_id: str
    deployment_id: str
    private_pem: str
    public_jwk: dict

    @classmethod
    def generate(
        cls,
        *,
        issuer: str = "https://leeromgeving.bench.example/lti",
        client_id: str = "nlka-bench",
        deployment_id: str = "bench-deployment",
    ) -> "BenchPlatform":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private_pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()
        public_jwk = RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
        public_jwk.update({"kid": f"bench-{int(time.time())}", "alg": "RS256", "use": "sig"})
        return cls(issuer, client_id, deployment_id, private_pem, public_jwk)

    @property
    def key_set(self) -> dict:
        return {"keys": [self.public_jwk]}


class KeySetServer:
    """Serves the platform's JWKS on 127.0.0.1, where the tool fetches it once per worker."""

    def __init__(self, platform: BenchPlatform):
        document = json.dumps(platform.key_set).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(document)))
                self.end_headers()
                self.wfile.write(document)

            def log_message(self, format, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "KeySetServer":
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/jwks"


def platform_register(platform: BenchPlatform, *, key_set_url: str):
    """Register the platform with the tool in the bench database, as an administrator would."""
    from lti.models import Deployment, Registration

    registration, _ = Registration.objects.update_or_create(
        issuer=platform.issuer,
        client_id=platform.client_id,
        defaults={
            "name": "Benchmark-leeromgeving",
            "auth_login_url": "https://leeromgeving.bench.example/auth",
            "auth_token_url": "https://leeromgeving.bench.example/token",
            "key_set_url": key_set_url,
            "active": True,
        },
    )
    Deployment.objects.get_or_create(
        registration=registration, deployment_id=platform.deployment_id
    )
    return registration


def login_url(platform: BenchPlatform, tool_url: str, *, user: str) -> str:
    """The platform's third-party login initiation, past the tool's cookie check."""
    query = urlencode(
        {
            "iss": platform.issuer,
            "client_id": platform.client_id,
            "lti_deployment_id": platform.deployment_id,
            "login_hint": user,
            "lti_message_hint": "bench-link",
            "target_link_uri": f"{tool_url}/lti/launch/",
            "lti_continue": "1",
        }
    )
    return f"{tool_url}/lti/login/?{query}"


@dataclass(frozen=True)
class LoginAnswer:
    """The tool's answer to a login: a redirect to the platform, and the cookies it set."""

    status: int
    location: str
    cookies: dict[str, str]


@dataclass(frozen=True)
class PreparedLaunch:
    """One launch, ready to post: the browser's Cookie header and the form body."""

    cookie: str
    body: str

    def as_line(self) -> str:
        return f"{self.cookie}\t{self.body}"


def launch_prepare(
    platform: BenchPlatform, answer: LoginAnswer, *, material_id: int, user: str
) -> PreparedLaunch:
    """Answer the tool's authentication request as the platform: a signed id_token."""
    if answer.status != 302:
        raise RuntimeError(f"LTI login answered {answer.status}, not a redirect")
    auth = dict(parse_qsl(urlsplit(answer.location).query))
    now = int(time.time())
    claims = {
        "iss": platform.issuer,
        "aud": platform.client_id,
        "azp": platform.client_id,
        "sub": user,
        "exp": now + TOKEN_SECONDS,
        "iat": now,
        "nonce": auth["nonce"],
        CLAIM + "message_type": "LtiResourceLinkRequest",
        CLAIM + "version": "1.3.0",
        CLAIM + "deployment_id": platform.deployment_id,
        CLAIM + "target_link_uri": auth["redirect_uri"],
        CLAIM + "resource_link": {"id": f"bench-link-{material_id}"},
        CLAIM + "roles": [LEARNER],
        CLAIM + "context": {"id": "bench-course", "title": "Benchmark"},
        CLAIM + "custom": {"material_id": str(material_id)},
    }
    token = jwt.encode(
        claims,
        platform.private_pem,
        algorithm="RS256",
        headers={"kid": platform.public_jwk["kid"]},
    )
    return PreparedLaunch(
        cookie="; ".join(f"{name}={value}" for name, value in answer.cookies.items()),
        body=urlencode({"id_token": token, "state": auth["state"]}),
    )


def live_login(url: str) -> LoginAnswer:
    """Run one login against a running server."""
    response = requests.get(url, allow_redirects=False, timeout=30)
    # The tool's cookies are Secure; requests keeps them all, which a browser would not on http.
    return LoginAnswer(
        status=response.status_code,
        location=response.headers.get("Location", ""),
        cookies={cookie.name: cookie.value for cookie in response.cookies},
    )


def launches_prepare(
    platform: BenchPlatform,
    *,
    tool_url: str,
    material_ids: list[int],
    count: int,
    login: Callable[[str], LoginAnswer] = live_login,
    workers: int = 4,
) -> list[PreparedLaunch]:
    """Log in `count` times and sign a launch for each, cycling through the materials."""

    def one(number: int) -> PreparedLaunch:
        user = f"bench-learner-{number}"
        answer = login(login_url(platform, tool_url, user=user))
        material_id = material_ids[number % len(material_ids)]
        return launch_prepare(platform, answer, material_id=material_id, user=user)

    if workers <= 1:
        return [one(number) for number in range(count)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, range(count)))


def launches_write(launches: list[PreparedLaunch], path: Path) -> Path:
    path.write_text("".join(launch.as_line() + "\n" for launch in launches))
    return path
