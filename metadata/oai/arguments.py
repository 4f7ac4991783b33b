"""OAI-PMH request arguments: which each verb takes, and the checks the protocol demands."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.utils.translation import gettext as _

from metadata.oai.sets import is_set_spec
from metadata.serializers.xml_text import is_xml_safe

BAD_VERB = "badVerb"
BAD_ARGUMENT = "badArgument"
BAD_RESUMPTION_TOKEN = "badResumptionToken"  # noqa: S105 - an error code, not a secret
CANNOT_DISSEMINATE_FORMAT = "cannotDisseminateFormat"
ID_DOES_NOT_EXIST = "idDoesNotExist"
NO_RECORDS_MATCH = "noRecordsMatch"
NO_METADATA_FORMATS = "noMetadataFormats"

RESUMPTION_TOKEN = "resumptionToken"  # noqa: S105 - an argument name, not a secret
METADATA_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SECOND = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


class OaiError(Exception):
    """One or more OAI-PMH error conditions, each a (code, message) pair."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.errors = [(code, message)]

    @property
    def echoes_arguments(self) -> bool:
        # The protocol forbids echoing the request's arguments after badVerb or badArgument.
        return not any(code in (BAD_VERB, BAD_ARGUMENT) for code, _message in self.errors)


@dataclass(frozen=True)
class VerbArguments:
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    exclusive: str | None = None

    @property
    def allowed(self) -> set[str]:
        names = {*self.required, *self.optional}
        return names | {self.exclusive} if self.exclusive else names


_LIST_ARGUMENTS = VerbArguments(
    required=("metadataPrefix",), optional=("from", "until", "set"), exclusive=RESUMPTION_TOKEN
)
VERBS: dict[str, VerbArguments] = {
    "Identify": VerbArguments(),
    "ListMetadataFormats": VerbArguments(optional=("identifier",)),
    "ListSets": VerbArguments(exclusive=RESUMPTION_TOKEN),
    "GetRecord": VerbArguments(required=("identifier", "metadataPrefix")),
    "ListIdentifiers": _LIST_ARGUMENTS,
    "ListRecords": _LIST_ARGUMENTS,
}


@dataclass(frozen=True)
class OaiRequest:
    verb: str
    arguments: dict[str, str]

    def get(self, name: str) -> str | None:
        return self.arguments.get(name)


@dataclass(frozen=True)
class DatestampRange:
    """Datestamps from `starts` (inclusive) to `ends` (exclusive), either side open."""

    starts: datetime | None = None
    ends: datetime | None = None


def oai_request_parse(query: Mapping[str, Sequence[str]]) -> OaiRequest:
    """Return the verb and its single-valued arguments; raise OaiError for a bad request."""
    verbs = query.get("verb", [])
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OaiError(BAD_VERB, _("Geef precies één geldig OAI-PMH-verb op in het argument verb."))
    verb = verbs[0]
    spec = VERBS[verb]
    arguments: dict[str, str] = {}
    for name, values in query.items():
        if name == "verb":
            continue
        if name not in spec.allowed:
            raise OaiError(
                BAD_ARGUMENT, _("%(verb)s kent het argument %(name)s niet.") % _names(verb, name)
            )
        if len(values) != 1:
            raise OaiError(
                BAD_ARGUMENT, _("Het argument %(name)s staat er meer dan eens.") % {"name": name}
            )
        if not is_xml_safe(values[0]):
            raise OaiError(
                BAD_ARGUMENT, _("Het argument %(name)s bevat ongeldige tekens.") % {"name": name}
            )
        arguments[name] = values[0]
    if spec.exclusive and spec.exclusive in arguments:
        if len(arguments) > 1:
            raise OaiError(
                BAD_ARGUMENT,
                _("%(name)s mag niet samen met andere argumenten voorkomen.")
                % {"name": spec.exclusive},
            )
        return OaiRequest(verb, arguments)
    for name in spec.required:
        if name not in arguments:
            raise OaiError(
                BAD_ARGUMENT, _("%(verb)s heeft het argument %(name)s nodig.") % _names(verb, name)
            )
    _check_syntax(arguments)
    return OaiRequest(verb, arguments)


def _names(verb: str, name: str) -> dict[str, str]:
    return {"verb": verb, "name": name}


def _check_syntax(arguments: dict[str, str]) -> None:
    prefix = arguments.get("metadataPrefix")
    if prefix is not None and not METADATA_PREFIX.fullmatch(prefix):
        raise OaiError(BAD_ARGUMENT, _("De waarde van metadataPrefix is ongeldig."))
    set_spec = arguments.get("set")
    if set_spec is not None and not is_set_spec(set_spec):
        raise OaiError(BAD_ARGUMENT, _("De waarde van set is geen geldige setSpec."))
    datestamp_range(arguments.get("from"), arguments.get("until"))


def datestamp_range(from_: str | None, until: str | None) -> DatestampRange:
    """Return the range that `from` and `until` select; raise OaiError when they are invalid."""
    starts = _parse_datestamp("from", from_)
    ends = _parse_datestamp("until", until)
    if starts and ends and starts[1] != ends[1]:
        raise OaiError(BAD_ARGUMENT, _("from en until moeten dezelfde granulariteit hebben."))
    if starts and ends and starts[0] > ends[0]:
        raise OaiError(BAD_ARGUMENT, _("from ligt na until."))
    return DatestampRange(starts=starts[0] if starts else None, ends=_end_after(ends))


def _end_after(until: tuple[datetime, timedelta] | None) -> datetime | None:
    # `until` is inclusive at the granularity it was given in, so the range ends one unit later.
    if until is None:
        return None
    try:
        return until[0] + until[1]
    except OverflowError:
        # Until the last day datetime can hold: no upper bound at all.
        return None


def _parse_datestamp(name: str, value: str | None) -> tuple[datetime, timedelta] | None:
    if value is None:
        return None
    try:
        if _DAY.fullmatch(value):
            day = date.fromisoformat(value)
            return datetime(day.year, day.month, day.day, tzinfo=UTC), timedelta(days=1)
        if _SECOND.fullmatch(value):
            moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            return moment, timedelta(seconds=1)
    except ValueError:
        pass
    raise OaiError(
        BAD_ARGUMENT,
        _("%(name)s is geen datum van de vorm JJJJ-MM-DD of JJJJ-MM-DDTuu:mm:ssZ.")
        % {"name": name},
    )
