"""The material list's query parameters, checked and turned into database conditions."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import Q
from django.http import QueryDict
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from metadata.api.responses import ApiError
from metadata.licences import LICENCES
from metadata.models import CURRICULUM_GOALS, LEVELS, SUBJECTS, Concept
from repository.models import ReviewStatus
from repository.selectors.facets import FACETS_BY_NAME, facet_condition

# API parameter -> (browse facet, concept scheme).
CONCEPT_PARAMETERS = {
    "level": ("level", LEVELS),
    "subject": ("subject", SUBJECTS),
    "curriculum_goal": ("goal", CURRICULUM_GOALS),
}
LANGUAGE_CODE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})?$")
MAX_VALUES = 20
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class MaterialFilters:
    text: str
    conditions: tuple[Q, ...]


def _values(query: QueryDict, name: str) -> list[str]:
    values = [value.strip() for value in query.getlist(name) if value.strip()]
    if len(values) > MAX_VALUES:
        raise ApiError(
            "invalid_filter",
            _("Geef hoogstens %(max)d waarden voor ‘%(name)s’.")
            % {"max": MAX_VALUES, "name": name},
        )
    return values


def _unknown(name: str, value: str) -> ApiError:
    return ApiError(
        "invalid_filter",
        _("‘%(value)s’ is geen bekende waarde voor ‘%(name)s’.") % {"value": value, "name": name},
    )


def _concept_conditions(query: QueryDict) -> list[Q]:
    """Resolve every vocabulary filter by identifier or URI, in one query for all of them."""
    wanted = {name: _values(query, name) for name in CONCEPT_PARAMETERS}
    if not any(wanted.values()):
        return []
    all_values = {value for values in wanted.values() for value in values}
    rows = Concept.objects.filter(
        Q(identifier__in=all_values) | Q(uri__in=all_values),
        scheme__slug__in=[scheme for _facet, scheme in CONCEPT_PARAMETERS.values()],
    ).values_list("pk", "identifier", "uri", "scheme__slug")
    conditions = []
    for name, values in wanted.items():
        if not values:
            continue
        facet, scheme = CONCEPT_PARAMETERS[name]
        pks = []
        for value in values:
            found = [
                pk for pk, ident, uri, slug in rows if slug == scheme and value in (ident, uri)
            ]
            if not found:
                raise _unknown(name, value)
            pks += found
        conditions.append(facet_condition(FACETS_BY_NAME[facet], pks))
    return conditions


def _licence_condition(query: QueryDict) -> list[Q]:
    values = _values(query, "licence")
    if not values:
        return []
    by_uri = {licence.url: code for code, licence in LICENCES.items()}
    codes = []
    for value in values:
        code = value if value in LICENCES else by_uri.get(value)
        if code is None:
            raise _unknown("licence", value)
        codes.append(code)
    return [facet_condition(FACETS_BY_NAME["licence"], codes)]


def _language_condition(query: QueryDict) -> list[Q]:
    values = _values(query, "language")
    for value in values:
        if not LANGUAGE_CODE.match(value):
            raise _unknown("language", value)
    return [facet_condition(FACETS_BY_NAME["language"], values)] if values else []


def _review_condition(query: QueryDict) -> list[Q]:
    values = _values(query, "review_status")
    for value in values:
        if value not in ReviewStatus.values:
            raise _unknown("review_status", value)
    return [facet_condition(FACETS_BY_NAME["review"], values)] if values else []


def updated_since_parse(text: str | None) -> datetime | None:
    """Return the moment as aware UTC (a moment without a zone counts as UTC)."""
    if not text:
        return None
    try:
        moment = parse_datetime(text.strip())
        if moment is not None:
            moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
            moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise ApiError(
            "invalid_filter",
            _("‘updated_since’ moet een datum en tijd zijn, zoals 2025-01-31T12:00:00Z."),
        )
    return moment


def material_filters(query: QueryDict) -> MaterialFilters:
    """Return the text and conditions asked for; raise ApiError on a value we do not know."""
    text = query.get("q", "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise ApiError(
            "invalid_filter",
            _("De zoekvraag mag hoogstens %(max)d tekens lang zijn.") % {"max": MAX_QUERY_LENGTH},
        )
    conditions = [
        *_concept_conditions(query),
        *_licence_condition(query),
        *_language_condition(query),
        *_review_condition(query),
    ]
    since = updated_since_parse(query.get("updated_since"))
    if since is not None:
        conditions.append(Q(last_published_at__gte=since))
    return MaterialFilters(text=text, conditions=tuple(conditions))
