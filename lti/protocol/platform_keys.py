"""The platform's public keys (JWKS), fetched with a timeout and cached.

pylti1p3 fetches them without a timeout and never again once cached; a platform that rotates
its key would be locked out. An unknown kid triggers one fresh fetch, at most once a minute.
"""

import hashlib

from django.core.cache import cache

import requests

KEY_SET_CACHE_SECONDS = 60 * 60
KEY_SET_REFRESH_SECONDS = 60
HTTP_TIMEOUT_SECONDS = 5


class PlatformKeysUnavailable(Exception):
    pass


def platform_key_set(url: str, *, refresh: bool = False) -> dict:
    """Return the platform's JWKS, cached; a refresh happens at most once a minute."""
    cache_key = "lti:jwks:" + hashlib.sha256(url.encode()).hexdigest()
    if not refresh or not cache.add(cache_key + ":refreshed", True, KEY_SET_REFRESH_SECONDS):
        cached = cache.get(cache_key)
        if cached is not None:
            return cached
    try:
        response = requests.get(
            url, timeout=HTTP_TIMEOUT_SECONDS, headers={"Accept": "application/json"}
        )
        response.raise_for_status()
        key_set = response.json()
    except (requests.RequestException, ValueError) as error:
        raise PlatformKeysUnavailable(f"{url}: {error}") from error
    if not isinstance(key_set, dict) or not isinstance(key_set.get("keys"), list):
        raise PlatformKeysUnavailable(f"{url}: not a JWKS document")
    key_set = {"keys": [key for key in key_set["keys"] if isinstance(key, dict)]}
    cache.set(cache_key, key_set, KEY_SET_CACHE_SECONDS)
    return key_set


def has_kid(key_set: dict, kid: str) -> bool:
    return any(key.get("kid") == kid for key in key_set["keys"])
