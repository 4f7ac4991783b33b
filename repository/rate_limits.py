"""Rate limits for the forms anyone may post: experiences from students and parents, reports.

Clients are counted by a keyed hash of their IP address that lives only in the cache, so the
limit works without storing who sent what. Counters run in fixed windows.
"""

import time
from dataclasses import dataclass

from django.utils.crypto import salted_hmac

from cms.cache_backends import counters_cache


@dataclass(frozen=True)
class Limit:
    """At most `count` submissions per `seconds`, per client and per material."""

    scope: str
    per_client: int
    per_material: int
    seconds: int = 3600


FEEDBACK_LIMIT = Limit(scope="ervaring", per_client=5, per_material=30)
REPORT_LIMIT = Limit(scope="melding", per_client=5, per_material=20)


def client_key(request) -> str:
    """Return a keyed hash of the client's address; the address itself is never kept."""
    # Behind a reverse proxy REMOTE_ADDR must be set by the proxy: X-Forwarded-For is forgeable.
    address = request.META.get("REMOTE_ADDR", "")
    return salted_hmac("repository.rate_limits.client", address, algorithm="sha256").hexdigest()


def _keys(limit: Limit, client: str, material_id: int) -> tuple[str, str]:
    window = int(time.time() // limit.seconds)
    prefix = f"rate:{limit.scope}:{window}"
    return f"{prefix}:client:{client}", f"{prefix}:material:{material_id}"


def rate_limited(limit: Limit, *, client: str, material_id: int) -> bool:
    """Tell whether the client, or the material as a whole, has used up this window."""
    client_cache_key, material_cache_key = _keys(limit, client, material_id)
    counts = counters_cache().get_many([client_cache_key, material_cache_key])
    return (
        counts.get(client_cache_key, 0) >= limit.per_client
        or counts.get(material_cache_key, 0) >= limit.per_material
    )


def rate_limit_count(limit: Limit, *, client: str, material_id: int) -> None:
    """Count one accepted submission for the client and for the material."""
    for key in _keys(limit, client, material_id):
        # add() is a no-op when the counter exists; incr() is atomic on Redis and locmem.
        counters_cache().add(key, 0, timeout=limit.seconds)
        try:
            counters_cache().incr(key)
        except ValueError:
            # The counter expired between add() and incr(): this submission starts a new one.
            counters_cache().set(key, 1, timeout=limit.seconds)
