"""A shared cache of whole public pages for anonymous visitors, invalidated on every change.

Only requests without any cookie or credentials are answered from the cache or stored in it:
such a request cannot carry a session, a CSRF secret, a language choice or messages, so every
anonymous visitor would be shown exactly the same page. Private areas (admin, accounts,
uploads, LTI) are never cached. Invalidation is by generation: each change to published
content moves the generation on after its transaction commits, which makes every earlier
entry unreachable; a time limit bounds what no signal reports (such as today's date).
"""

import contextlib
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
# Pages larger than this are rare and would crowd out the rest.
MAX_CACHED_BYTES = 512 * 1024
PRIVATE_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/account/",
    "/accounts/",
    "/lti/",
    "/healthz",
    "/leermiddelen/nieuw/",
    "/leermiddelen/mijn/",
    "/leermiddelen/arrangementen/nieuw/",
)


def page_cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def page_cache_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # An evicted generation restarts from a fresh value, never from an old one.
        cache.add(GENERATION_KEY, str(time.time_ns()), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return str(generation)


def generation_cached(key: str, compute):
    """Return compute(), kept in the shared cache until published content next changes.

    For numbers every visitor sees alike that read much of the catalogue (counts on the home
    page, plain browsing's total and facets, the facets of a search). Only where the page
    cache is on: its generation moves on whenever anything is published, withdrawn or
    reviewed, which makes these values unreachable too. `key` must also name whatever else
    the value depends on (the language).
    """
    seconds = page_cache_seconds()
    if not seconds:
        return compute()
    try:
        full_key = f"generation-cached:{page_cache_generation()}:{key}"
        value = cache.get(full_key)
    except Exception:  # noqa: BLE001 - a cache outage costs the counting, not the page
        return compute()
    if value is None:
        value = compute()
        # The page matters more than keeping the value.
        with contextlib.suppress(Exception):
            cache.set(full_key, value, seconds)
    return value


def page_cache_invalidate() -> None:
    """Make every cached page unreachable once the current transaction commits."""
    if page_cache_seconds():
        transaction.on_commit(lambda: cache.set(GENERATION_KEY, str(time.time_ns()), timeout=None))


def _is_private(path: str) -> bool:
    for language, _name in settings.LANGUAGES:
        prefix = f"/{language}/"
        if path.startswith(prefix):
            path = path[len(prefix) - 1 :]
            break
    return path.startswith(PRIVATE_PREFIXES) or "/concept/" in path


def _anonymous_and_cookieless(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not _is_private(request.path)
    )


def _key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pagecache:page:{hashlib.sha256(address.encode()).hexdigest()}"


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "_csp_nonce", None):
        # A CSP nonce must be new for every response; a page that uses one is not shared.
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return len(response.content) <= MAX_CACHED_BYTES


class AnonymousPageCacheMiddleware:
    """Serve anonymous, cookie-less GET requests for public pages from the shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        if not seconds or not _anonymous_and_cookieless(request):
            return self.get_response(request)
        try:
            key = _key(request)
            # One round trip: the generation and the page stored under this address. A page
            # stored under any other generation is out of date.
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or page_cache_generation()
            stored = found.get(key)
        except Exception:  # noqa: BLE001 - a cache outage must not take the site down
            return self.get_response(request)
        if stored is not None and stored[0] == str(generation):
            _generation, status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and _storable(request, response):
            stored = (
                str(generation),
                response.status_code,
                list(response.items()),
                response.content,
            )
            try:
                cache.set(key, stored, seconds)
            except Exception:  # noqa: BLE001 - serving the page matters more than caching it
                return response
            response[HEADER] = "miss"
        return response
