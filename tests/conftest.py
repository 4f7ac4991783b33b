import os
import socket

import pytest

from cms.services import demo_site_ensure


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Give every test its own media and materials folders, so no test sees another's files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "materials": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "materials"), "base_url": None},
        },
    }
    return settings.MEDIA_ROOT


@pytest.fixture
def home_page(db):
    """The site's Dutch home page with its demo pages and English translations."""
    return demo_site_ensure()


def service_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    """Skip when a local service is missing, except in CI, where it must be there."""
    if service_answers(host, port):
        return
    message = f"{name} does not answer on {host}:{port}"
    if os.environ.get("NLKA_REQUIRE_SERVICES"):
        pytest.fail(f"{message}, and NLKA_REQUIRE_SERVICES is set")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache: rate limits and cached pages must not leak."""
    from django.core.cache import cache

    cache.clear()
