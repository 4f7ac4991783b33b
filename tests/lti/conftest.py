import logging

import pytest

from lti.models import Deployment, Registration
from tests.accounts.factories import TeacherFactory
from tests.lti.platform import KeyPair, Platform, PlatformServer
from tests.repository.factories import published_material


@pytest.fixture(scope="session")
def platform_keys():
    return KeyPair.generate()


@pytest.fixture(scope="session")
def platform_http():
    """The learning environment's public endpoints over real HTTP on 127.0.0.1."""
    server = PlatformServer().start()
    yield server
    server.stop()


@pytest.fixture
def platform_server(platform_http, platform_keys):
    platform_http.reset()
    platform_http.routes[("GET", "/jwks")] = (200, {"keys": [platform_keys.jwk]})
    yield platform_http
    platform_http.reset()


@pytest.fixture
def registration(db, platform_server):
    """Our registration of the learning environment, as an administrator would enter it."""
    registration = Registration.objects.create(
        name="Moodle van het Testcollege",
        issuer=platform_server.url,
        client_id="nlka-client",
        auth_login_url=f"{platform_server.url}/auth",
        auth_token_url=f"{platform_server.url}/token",
        key_set_url=f"{platform_server.url}/jwks",
    )
    Deployment.objects.create(registration=registration, deployment_id="deployment-1")
    return registration


@pytest.fixture
def platform(registration, platform_keys):
    """The learning environment itself, launching our tool at the Django test client's host."""
    return Platform(
        issuer=registration.issuer,
        client_id=registration.client_id,
        deployment_id="deployment-1",
        tool_url="http://testserver",
        keys=platform_keys,
    )


@pytest.fixture
def material(db):
    return published_material(TeacherFactory(display_name="Anna de Vries"))


class LogRecords(logging.Handler):
    """Warnings from the "lti" logger; works whether or not pytest's own caplog is loaded."""

    def __init__(self):
        super().__init__(level=logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)

    @property
    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]

    def refused(self, reason: str) -> bool:
        return any("refused" in message and f"({reason})" in message for message in self.messages)


@pytest.fixture
def lti_log():
    """The "lti" logger's records (pytest's caplog is off: the suite runs with -p no:logging)."""
    handler = LogRecords()
    logger = logging.getLogger("lti")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
