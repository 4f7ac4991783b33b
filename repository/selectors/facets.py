"""Facets of the material search: what they filter, and their counts over the matches.

Facet counts follow standard (disjunctive) faceting: the counts of one facet are computed with
the text query and every *other* facet's selection applied, but not the facet's own. A count
is therefore exactly the number of results you get when that value is the only one chosen in
its facet, keeping the other choices. Within a facet values combine with OR, across facets
with AND.

Every facet is counted in one statement. The matching materials are selected once, in a
common table expression that each facet's GROUP BY reads: counting facet by facet repeated the
match (on PostgreSQL a full-text join over all published materials) once per facet.
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from metadata.licences import LICENCES
from metadata.models import (
    ACCESSIBILITY_FEATURES,
    CURRICULUM_GOALS,
    LEVELS,
    RESOURCE_TYPES,
    SUBJECTS,
    Concept,
)
from repository.models import Material, ReviewStatus

# Facets longer than this show the rest behind a disclosure.
FACET_VISIBLE_VALUES = 8


@dataclass(frozen=True)
class FacetDefinition:
    """A facet: its URL parameter, its label, and the material field it filters."""

    name: str
    label: str | Promise
    field: str
    scheme: str | None = None

    @property
    def is_concept(self) -> bool:
        return self.scheme is not None


FACETS = (
    FacetDefinition("level", _("Onderwijsniveau"), "levels", LEVELS),
    FacetDefinition("subject", _("Vak"), "subjects", SUBJECTS),
    FacetDefinition("goal", _("Kerndoel"), "curriculum_goals", CURRICULUM_GOALS),
    FacetDefinition("type", _("Soort leermiddel"), "resource_types", RESOURCE_TYPES),
    FacetDefinition("licence", _("Licentie"), "licence"),
    FacetDefinition(
        "accessibility", _("Toegankelijkheid"), "accessibility_features", ACCESSIBILITY_FEATURES
    ),
    FacetDefinition("language", _("Taal"), "language"),
    FacetDefinition("review", _("Beoordelingsstatus"), "review_status"),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


@dataclass(frozen=True)
class FacetValue:
    value: int | str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    definition: FacetDefinition
    values: list[FacetValue]
    # With a choice made: how many matches there are when this facet's choice is dropped.
    total_without_choice: int | None = None

    @property
    def name(self) -> str:
        return self.definition.name

    @property
    def visible_values(self) -> list[FacetValue]:
        return self.values[:FACET_VISIBLE_VALUES]

    @property
    def more_values(self) -> list[FacetValue]:
        return self.values[FACET_VISIBLE_VALUES:]

    @property
    def selected_count(self) -> int:
        return sum(1 for value in self.values if value.selected)


def _through(definition: FacetDefinition):
    return Material._meta.get_field(definition.field).remote_field.through


def facet_condition(definition: FacetDefinition, values) -> Q:
    """Return the filter for materials with any of the values in the facet."""
    if definition.is_concept:
        # A subquery, not a join: a join would repeat a material once per matching value.
        chosen = _through(definition).objects.filter(concept_id__in=values).values("material_id")
        return Q(pk__in=chosen)
    return Q(**{f"{definition.field}__in": values})


def licence_label(code: str) -> str:
    licence = LICENCES.get(code)
    return str(licence.label) if licence else code


def _field_label(definition: FacetDefinition, value: str, labels: dict) -> str:
    if definition.name == "licence":
        return licence_label(value)
    if definition.name == "review":
        return str(ReviewStatus(value).label) if value in ReviewStatus.values else value
    return labels["languages"].get(value, value)


def _field_facets() -> list[FacetDefinition]:
    return [definition for definition in FACETS if not definition.is_concept]


# The SQL below is assembled from model metadata and positions only; every chosen value is a
# query parameter.


def _condition_sql(definition: FacetDefinition, values) -> tuple[str, list]:
    """Return SQL over the `matches` table expression (alias m) for one facet's choice."""
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(values))
    if definition.is_concept:
        through = _through(definition)._meta
        return (
            f"m.id IN (SELECT {quote(through.get_field('material').column)} "  # noqa: S608
            f"FROM {quote(through.db_table)} "
            f"WHERE {quote(through.get_field('concept').column)} IN ({placeholders}))",
            list(values),
        )
    return f"m.{quote(definition.field)} IN ({placeholders})", list(values)


def _where(others: list[tuple[str, list]]) -> tuple[str, list]:
    where = " AND ".join(sql for sql, _params in others) or "1 = 1"
    return where, [param for _sql, values in others for param in values]


def _count_sql(index: int, definition: FacetDefinition, others: list[tuple[str, list]]):
    """Return one facet's GROUP BY over the matches, as a branch of the UNION ALL."""
    quote = connection.ops.quote_name
    where, params = _where(others)
    # Columns: facet index, concept id, field value, count, then the concept's sort keys.
    if definition.is_concept:
        through = _through(definition)._meta
        material = quote(through.get_field("material").column)
        concept = quote(through.get_field("concept").column)
        concepts = quote(Concept._meta.db_table)
        sql = (
            f"SELECT {index}, t.{concept}, NULL, COUNT(*), c.sort_order, c.label_nl, c.label_en "  # noqa: S608
            f"FROM matches m JOIN {quote(through.db_table)} t ON t.{material} = m.id "
            f"JOIN {concepts} c ON c.id = t.{concept} WHERE {where} "
            f"GROUP BY t.{concept}, c.sort_order, c.label_nl, c.label_en"
        )
    else:
        column = f"m.{quote(definition.field)}"
        sql = (
            f"SELECT {index}, NULL, {column}, COUNT(*), NULL, NULL, NULL "  # noqa: S608
            f"FROM matches m WHERE {where} GROUP BY {column}"
        )
    return sql, params


def _total_sql(index: int, others: list[tuple[str, list]]):
    """Return the count of matches without one facet's choice, as a branch of the UNION ALL."""
    where, params = _where(others)
    sql = f"SELECT {index}, NULL, NULL, COUNT(*), NULL, NULL, NULL FROM matches m WHERE {where}"  # noqa: S608
    return sql, params


@dataclass(frozen=True)
class FacetCounts:
    # Per facet name: (value, label or None, count), most frequent first.
    values: dict[str, list[tuple[int | str, str | None, int]]]
    # Per facet name with a choice: the number of matches without that choice.
    totals_without_choice: dict[str, int]


def facet_counts(matches: QuerySet[Material], filters: dict[str, tuple]) -> FacetCounts:
    """Count every facet's values over the matches, and the matches without each choice."""
    fields = [definition.field for definition in _field_facets()]
    try:
        base_sql, base_params = matches.order_by().values("pk", *fields).query.sql_with_params()
    except EmptyResultSet:
        return FacetCounts(values={}, totals_without_choice={})
    conditions = {
        name: _condition_sql(FACETS_BY_NAME[name], values) for name, values in filters.items()
    }
    branches, params = [], list(base_params)
    for index, definition in enumerate(FACETS):
        others = [sql for name, sql in conditions.items() if name != definition.name]
        branch_sql, branch_params = _count_sql(index, definition, others)
        branches.append(branch_sql)
        params += branch_params
        if definition.name in filters:
            # Numbered after the facets, so each row says which facet it belongs to.
            total_sql, total_params = _total_sql(len(FACETS) + index, others)
            branches.append(total_sql)
            params += total_params
    columns = ", ".join(["id", *fields])
    sql = (
        f"WITH matches ({columns}) AS ({base_sql}) "
        + " UNION ALL ".join(branches)
        # Most frequent first; ties by the concept's own order, else by value.
        + " ORDER BY 1, 4 DESC, 5, 6, 3"
    )
    counts: dict[str, list] = {definition.name: [] for definition in FACETS}
    totals: dict[str, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for index, concept_id, value, count, _order, label_nl, label_en in cursor.fetchall():
            if index >= len(FACETS):
                totals[FACETS[index - len(FACETS)].name] = count
                continue
            definition = FACETS[index]
            if definition.is_concept:
                label = Concept(label_nl=label_nl, label_en=label_en).label
                counts[definition.name].append((concept_id, label, count))
            else:
                counts[definition.name].append((value, None, count))
    return FacetCounts(values=counts, totals_without_choice=totals)


def material_facets(
    matches: QuerySet[Material], filters: dict[str, tuple], labels: dict
) -> list[Facet]:
    """Return every facet with its counts over the matches; chosen values come first."""
    counts = facet_counts(matches, filters)
    facets = []
    for definition in FACETS:
        chosen = filters.get(definition.name, ())
        values = []
        seen = set()
        for value, label, count in counts.values.get(definition.name, ()):
            if label is None:
                label = _field_label(definition, value, labels)
            values.append(FacetValue(value, label, count, selected=value in chosen))
            seen.add(value)
        # A chosen value without results stays visible, so it can be unticked.
        for value in chosen:
            if value not in seen:
                label = (
                    labels["concepts"][value][1]
                    if definition.is_concept
                    else _field_label(definition, value, labels)
                )
                values.append(FacetValue(value, label, 0, selected=True))
        values.sort(key=lambda facet_value: not facet_value.selected)
        facets.append(
            Facet(
                definition=definition,
                values=values,
                total_without_choice=counts.totals_without_choice.get(definition.name),
            )
        )
    return facets
