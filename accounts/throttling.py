"""Login throttling: failed log-ins counted per account and per client, with a temporary lockout.

Counters live in Django's cache (Redis in production, so every worker sees them) and expire on
their own. When the cache cannot be reached, log-ins fail closed: the attempt is refused with a
"try again in a minute" message, as letting it through would allow unlimited guessing for as
long as the cache is down. Unknown accounts are counted and locked exactly like real ones, so a
lockout never tells anyone whether an address has an account. The check runs as the first
authentication backend, so every log-in path (the site, the Wagtail admin, re-authentication) is
covered; the log-in forms run it once more beforehand only to show why they refuse.
"""

import logging
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, ngettext

from cms.cache_backends import counters_cache

logger = logging.getLogger(__name__)

CREDENTIAL_NAMES = ("email", "username", "login")


@dataclass(frozen=True)
class ThrottlePolicy:
    """Lock an account after `account_failures`, a client after `client_failures`, per window."""

    account_failures: int = 5
    # Schools share one address for hundreds of people, so a client may fail more often.
    client_failures: int = 50
    window_seconds: int = 15 * 60
    lockout_seconds: int = 15 * 60


class LoginThrottled(PermissionDenied):
    """Too many failed log-ins; carries how long the lockout still lasts."""

    def __init__(self, seconds: int, message: str | None = None):
        self.seconds = seconds
        super().__init__(message or login_throttled_message(seconds))


class LoginThrottleUnavailable(LoginThrottled):
    """The lockout counters cannot be read, so this attempt is refused (fail closed)."""

    def __init__(self):
        super().__init__(
            60, gettext("Inloggen lukt even niet, probeer het over een minuut opnieuw.")
        )


def throttle_policy() -> ThrottlePolicy:
    return ThrottlePolicy(**getattr(settings, "NLKA_LOGIN_THROTTLE", {}))


def login_throttled_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Te veel pogingen, probeer het over %(minutes)d minuut opnieuw.",
        "Te veel pogingen, probeer het over %(minutes)d minuten opnieuw.",
        minutes,
    ) % {"minutes": minutes}


def credential_identifier(credentials: dict) -> str:
    """Return the account name typed in, whichever form sent it."""
    for name in CREDENTIAL_NAMES:
        value = credentials.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _hashed(namespace: str, value: str) -> str:
    # Keys hold no address or e-mail in the clear: a cache dump reveals nobody.
    return salted_hmac(f"accounts.throttling.{namespace}", value, algorithm="sha256").hexdigest()


def _account_subject(identifier: str) -> str:
    """Name the account behind a log-in name, so username and e-mail share one counter."""
    normalised = identifier.strip().lower()
    if not normalised:
        return ""
    user_pk = (
        get_user_model()
        .objects.filter(
            Q(email__iexact=normalised)
            | Q(username__iexact=normalised)
            | Q(emailaddress__email__iexact=normalised)
        )
        .values_list("pk", flat=True)
        .first()
    )
    return f"user:{user_pk}" if user_pk is not None else f"name:{_hashed('name', normalised)}"


def _client_subject(request) -> str:
    # Behind a reverse proxy REMOTE_ADDR must be set by the proxy: X-Forwarded-For is forgeable.
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    return f"client:{_hashed('client', address)}" if address else ""


def _subjects(request, identifier: str) -> list[tuple[str, int]]:
    policy = throttle_policy()
    subjects = [
        (_account_subject(identifier), policy.account_failures),
        (_client_subject(request), policy.client_failures),
    ]
    return [(subject, limit) for subject, limit in subjects if subject]


def login_lockout_seconds(request, identifier: str) -> int:
    """Return how many seconds the account or the client stays locked; 0 when free."""
    keys = [f"login-lock:{subject}" for subject, _limit in _subjects(request, identifier)]
    try:
        until = max(counters_cache().get_many(keys).values(), default=0)
    except Exception as unreachable:  # noqa: BLE001 - any cache failure must refuse, not crash
        logger.warning("login refused: lockout counters unreachable (%s)", unreachable)
        raise LoginThrottleUnavailable from unreachable
    return max(0, math.ceil(until - time.time()))


def login_throttle_check(request, identifier: str) -> None:
    """Raise LoginThrottled while the account or the client is locked."""
    seconds = login_lockout_seconds(request, identifier)
    if seconds:
        raise LoginThrottled(seconds)


def login_failure_record(request, identifier: str) -> None:
    """Count a failed log-in; lock the account or client that reaches its limit."""
    try:
        _failure_count(request, identifier)
    except Exception as unreachable:  # noqa: BLE001 - the check already refuses while it is down
        logger.warning("failed log-in not counted: cache unreachable (%s)", unreachable)


def _failure_count(request, identifier: str) -> None:
    policy = throttle_policy()
    for subject, limit in _subjects(request, identifier):
        lock_key = f"login-lock:{subject}"
        if counters_cache().get(lock_key):
            # Attempts during a lockout are refused unchecked and do not prolong it.
            continue
        count_key = f"login-failures:{subject}"
        # add() is a no-op when the counter exists; incr() is atomic on Redis and locmem.
        counters_cache().add(count_key, 0, timeout=policy.window_seconds)
        try:
            count = counters_cache().incr(count_key)
        except ValueError:
            # The counter expired between add() and incr(): this failure starts a new one.
            counters_cache().set(count_key, 1, timeout=policy.window_seconds)
            count = 1
        if count >= limit:
            counters_cache().set(
                lock_key, time.time() + policy.lockout_seconds, timeout=policy.lockout_seconds
            )
            counters_cache().delete(count_key)


def login_success_record(user) -> None:
    """Forget an account's failures once its owner logs in; the client's count stays."""
    try:
        counters_cache().delete(f"login-failures:user:{user.pk}")
    except Exception as unreachable:  # noqa: BLE001 - the count expires on its own
        logger.warning("log-in failures not reset: cache unreachable (%s)", unreachable)


class LoginThrottleBackend:
    """Refuse any log-in for a locked account or client before a password is checked.

    It has no get_user() or permission methods, so Django never picks it to restore a session
    and skips it when checking permissions.
    """

    def authenticate(self, request, **credentials):
        # PermissionDenied makes Django stop at once, trying no later backend.
        login_throttle_check(request, credential_identifier(credentials))
        return None
