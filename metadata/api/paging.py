"""Keyset paging of the read API: an opaque cursor holding the last row's sort key."""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from metadata.api.responses import ApiError

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# The largest primary key a database column holds; larger numbers would fail in SQL.
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Cursor:
    """Where the previous page ended: the last row's moment and primary key."""

    moment: datetime
    pk: int


def cursor_encode(cursor: Cursor) -> str:
    payload = json.dumps({"t": cursor.moment.isoformat(), "id": cursor.pk}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def cursor_decode(text: str) -> Cursor:
    """Return the cursor a `cursor` parameter carries; raise ApiError when it is not one of ours."""
    try:
        padded = text + "=" * (-len(text) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        moment = datetime.fromisoformat(payload["t"])
        pk = payload["id"]
        valid_pk = isinstance(pk, int) and not isinstance(pk, bool) and 0 < pk <= MAX_ID
        if not valid_pk or moment.tzinfo is None:
            raise ValueError("bad cursor fields")
    except (binascii.Error, UnicodeError, ValueError, TypeError, KeyError) as error:
        raise ApiError(
            "invalid_cursor",
            _("De cursor is ongeldig. Gebruik de link uit ‘next’ van de vorige pagina."),
        ) from error
    return Cursor(moment=moment, pk=pk)


def limit_parse(text: str | None) -> int:
    if text is None or text == "":
        return DEFAULT_LIMIT
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_LIMIT:
        raise ApiError(
            "invalid_limit",
            _("De limiet moet een geheel getal van 1 tot en met %(max)d zijn.")
            % {"max": MAX_LIMIT},
        )
    return int(text)


def keyset_page(
    queryset: QuerySet, *, field: str, cursor: Cursor | None, limit: int
) -> tuple[list, Cursor | None]:
    """Return up to `limit` rows newest first after the cursor, and the cursor of the next page.

    Rows are ordered by (field, pk) descending, so rows added while a client pages through
    land before its position and never shift the pages still to come.
    """
    if cursor is not None:
        queryset = queryset.filter(
            Q(**{f"{field}__lt": cursor.moment}) | Q(**{field: cursor.moment, "pk__lt": cursor.pk})
        )
    rows = list(queryset.order_by(f"-{field}", "-pk")[: limit + 1])
    page = rows[:limit]
    if len(rows) <= limit:
        return page, None
    last = page[-1]
    return page, Cursor(moment=getattr(last, field), pk=last.pk)
