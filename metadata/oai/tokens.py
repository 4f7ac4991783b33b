"""Resumption tokens: the signed, expiring state of a list request between pages.

A token carries the original request (verb, format, set, date bounds), the primary key of
the last material sent, the cursor and the list size counted when the harvest began. It is
signed with the site's secret key, so a harvester cannot forge or alter one.
"""

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.core import signing

TOKEN_LIFETIME = timedelta(hours=24)
_SALT = "metadata.oai.resumption-token"


class BadResumptionToken(ValueError):
    pass


@dataclass(frozen=True)
class ListState:
    verb: str
    metadata_prefix: str
    set_spec: str | None
    # Inclusive lower and exclusive upper bound on the datestamp, as ISO 8601 in UTC.
    starts: str | None
    ends: str | None
    after_pk: int
    cursor: int
    complete_list_size: int

    @property
    def starts_at(self) -> datetime | None:
        return datetime.fromisoformat(self.starts) if self.starts else None

    @property
    def ends_at(self) -> datetime | None:
        return datetime.fromisoformat(self.ends) if self.ends else None


def token_encode(state: ListState) -> str:
    return signing.dumps(asdict(state), salt=_SALT, compress=True)


def token_decode(token: str, *, verb: str) -> ListState:
    """Return the state a token carries; raise BadResumptionToken if forged, expired or reused."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=TOKEN_LIFETIME)
        state = ListState(**payload)
        # A token from an older release may hold another shape; fail here, not mid-query.
        for bound in (state.starts, state.ends):
            if bound is not None:
                datetime.fromisoformat(bound)
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise BadResumptionToken(str(error)) from error
    if state.verb != verb:
        raise BadResumptionToken("The token belongs to another verb.")
    return state
