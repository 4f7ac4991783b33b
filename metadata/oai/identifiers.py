"""OAI identifiers of materials: `oai:<host>:material:<pk>`."""

import re
from urllib.parse import urlsplit

from django.conf import settings


def oai_repository_host() -> str:
    """Return the host part of the identifiers: the public site's host name."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def oai_identifier(pk: int) -> str:
    return f"oai:{oai_repository_host()}:material:{pk}"


def material_pk_from_identifier(identifier: str) -> int | None:
    """Return the material's primary key, or None for an identifier this repository never issued."""
    pattern = rf"oai:{re.escape(oai_repository_host())}:material:([1-9][0-9]{{0,18}})"
    match = re.fullmatch(pattern, identifier)
    return int(match.group(1)) if match else None
