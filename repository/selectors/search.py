"""Reads behind browsing and searching published materials: full text, facets, sorting, advice.

Facet counts follow standard (disjunctive) faceting: the counts of one facet are computed with
the text query and every *other* facet's selection applied, but not the facet's own. A count
is therefore exactly the number of results you get when that value is the only one chosen in
its facet, keeping the other choices. Within a facet values combine with OR, across facets
with AND. Each facet costs one GROUP BY query, whatever the number of values or results.
"""

import difflib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wagtail.search.backends import get_search_backend

from lti.models import LaunchCount
from metadata.licences import LICENCES
from metadata.models import (
    ACCESSIBILITY_FEATURES,
    CURRICULUM_GOALS,
    LANGUAGES,
    LEVELS,
    RESOURCE_TYPES,
    SUBJECTS,
    Concept,
)
from repository.filetypes import ALLOWED_TYPES
from repository.models import Feedback, Material, MaterialFile, MaterialKeyword, ReviewStatus

RESULTS_PER_PAGE = 20
RELEVANCE = "relevance"
NEWEST = "newest"
MOST_USED = "most-used"
SORTS = (RELEVANCE, NEWEST, MOST_USED)
# External engines (OpenSearch) hand back hits, not SQL; beyond this many we stop listing them.
EXTERNAL_ENGINE_MATCH_LIMIT = 1000
# Facets longer than this show the rest behind a disclosure.
FACET_VISIBLE_VALUES = 8

VOCABULARY_CACHE_KEY = "repository:search-vocabulary:v1"
VOCABULARY_TIMEOUT = 60 * 60
# difflib compares against every word, so keep the most frequent ones only.
VOCABULARY_MAX_WORDS = 20_000
SPELLING_MAX_WORDS = 10
WORD = re.compile(r"[^\W\d_]{3,}")
SEARCH_WORD = re.compile(r"\w+")


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
SORT_LABELS = {
    RELEVANCE: _("Best passend"),
    NEWEST: _("Nieuwste eerst"),
    MOST_USED: _("Meest gebruikt"),
}


@dataclass(frozen=True)
class MaterialQuery:
    """What a visitor asked for: words, chosen facet values and an order, as in the URL."""

    text: str = ""
    filters: Mapping[str, tuple] = field(default_factory=dict)
    sort: str = ""

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS and (self.sort != RELEVANCE or self.text):
            return self.sort
        return RELEVANCE if self.text else NEWEST

    @property
    def has_filters(self) -> bool:
        return any(self.filters.values())

    def params_without(self, name: str, value=None) -> dict:
        """Return URL parameters that drop one value of a facet (or the whole facet, or `q`)."""
        params: dict = {"page": None}
        if name == "q":
            params["q"] = None
        elif value is None:
            params[name] = None
        else:
            params[name] = [str(kept) for kept in self.filters.get(name, ()) if kept != value]
        return params


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


@dataclass(frozen=True)
class ActiveFilter:
    """One chosen facet value, for the list of active filters with their remove links."""

    facet: FacetDefinition
    value: int | str
    label: str
    remove_params: dict


@dataclass(frozen=True)
class DropAdvice:
    """On an empty result: what to leave out, and how many results that would give."""

    label: str
    count: int
    params: dict


@dataclass(frozen=True)
class MaterialHit:
    """A material on a result page, with what its card shows besides the material's fields."""

    material: Material
    file_types: list[str]
    licence_label: str


@dataclass(frozen=True)
class MaterialSearchResult:
    query: MaterialQuery
    page: PaginatorPage
    hits: list[MaterialHit]
    facets: list[Facet]
    active_filters: list[ActiveFilter]
    drop_advice: list[DropAdvice]
    spelling_suggestion: str | None

    @property
    def total(self) -> int:
        return self.page.paginator.count


def _through(definition: FacetDefinition):
    return Material._meta.get_field(definition.field).remote_field.through


def _facet_condition(definition: FacetDefinition, values) -> Q:
    if definition.is_concept:
        # A subquery, not a join: a join would repeat a material once per matching value.
        chosen = _through(definition).objects.filter(concept_id__in=values).values("material_id")
        return Q(pk__in=chosen)
    return Q(**{f"{definition.field}__in": values})


def search_words(text: str) -> str:
    """Return only the words of a query: quotes, stars and brackets are syntax to the engines."""
    # SQLite FTS5 fails on a lone '"'; users never mean these characters as operators.
    return " ".join(SEARCH_WORD.findall(text))


def _text_matches(text: str, *, ranked: bool) -> QuerySet[Material]:
    """Return published materials matching the words, as SQL; ranked ones best first."""
    materials = Material.objects.published()
    if not text:
        return materials
    words = search_words(text)
    if not words:
        return materials.none()
    results = get_search_backend().search(
        words, materials, operator="and", order_by_relevance=ranked
    )
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        # The database backends (SQLite FTS5, PostgreSQL) express the search as a queryset, so
        # facets and sorting compose with it in SQL instead of through a list of ids.
        return get_queryset()
    ids = [material.pk for material in results[:EXTERNAL_ENGINE_MATCH_LIMIT]]
    rank = Case(
        *(When(pk=pk, then=Value(position)) for position, pk in enumerate(ids)),
        output_field=IntegerField(),
    )
    return materials.filter(pk__in=ids).annotate(_rank=rank).order_by("_rank")


def usage_expression():
    """Return SQL for "most used": launches from learning environments plus teacher experiences."""
    launches = (
        LaunchCount.objects.filter(material=OuterRef("pk"))
        .order_by()
        .values("material")
        .annotate(total=Sum("count"))
        .values("total")
    )
    experiences = (
        Feedback.objects.filter(
            material=OuterRef("pk"),
            role=Feedback.Role.TEACHER,
            status=Feedback.Status.APPROVED,
        )
        .order_by()
        .values("material")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(launches, output_field=IntegerField()), 0) + Coalesce(
        Subquery(experiences, output_field=IntegerField()), 0
    )


def _sorted(materials: QuerySet[Material], sort: str) -> QuerySet[Material]:
    if sort == RELEVANCE:
        return materials
    if sort == MOST_USED:
        return materials.annotate(usage=usage_expression()).order_by(
            "-usage", F("last_published_at").desc(nulls_last=True), "-pk"
        )
    return materials.order_by(F("last_published_at").desc(nulls_last=True), "-pk")


def _for_cards(materials: QuerySet[Material]) -> QuerySet[Material]:
    return materials.prefetch_related(
        Prefetch("levels", queryset=Concept.objects.order_by("sort_order", "label_nl")),
        Prefetch("subjects", queryset=Concept.objects.order_by("sort_order", "label_nl")),
        Prefetch("files", queryset=MaterialFile.objects.select_related("stored_file")),
    )


def _clean_filters(query: MaterialQuery) -> tuple[dict[str, tuple], dict]:
    """Drop unknown values; return the kept filters and the labels of concepts and languages.

    One query reads every chosen concept and the (short) list of languages.
    """
    chosen_ids = {
        value
        for definition in FACETS
        if definition.is_concept
        for value in query.filters.get(definition.name, ())
    }
    schemes = [definition.scheme for definition in FACETS if definition.is_concept]
    rows = Concept.objects.filter(
        Q(pk__in=chosen_ids, scheme__slug__in=schemes) | Q(scheme__slug=LANGUAGES)
    ).values("pk", "identifier", "label_nl", "label_en", "scheme__slug")
    concepts, languages = {}, {}
    for row in rows:
        label = Concept(label_nl=row["label_nl"], label_en=row["label_en"]).label
        if row["scheme__slug"] == LANGUAGES:
            languages.setdefault(row["identifier"], label)
        if row["pk"] in chosen_ids:
            concepts[row["pk"]] = (row["scheme__slug"], label)
    review_codes = set(ReviewStatus.values)
    kept: dict[str, tuple] = {}
    for definition in FACETS:
        values = query.filters.get(definition.name, ())
        if definition.is_concept:
            values = [v for v in values if concepts.get(v, (None,))[0] == definition.scheme]
        elif definition.name == "licence":
            values = [v for v in values if v in LICENCES]
        elif definition.name == "review":
            values = [v for v in values if v in review_codes]
        if values:
            kept[definition.name] = tuple(dict.fromkeys(values))
    return kept, {"concepts": concepts, "languages": languages}


def _licence_label(code: str) -> str:
    licence = LICENCES.get(code)
    return str(licence.label) if licence else code


def _field_label(definition: FacetDefinition, value: str, labels: dict) -> str:
    if definition.name == "licence":
        return _licence_label(value)
    if definition.name == "review":
        return str(ReviewStatus(value).label) if value in ReviewStatus.values else value
    return labels["languages"].get(value, value)


def _facet_counts(
    definition: FacetDefinition, materials: QuerySet[Material]
) -> list[tuple[int | str, str | None, int]]:
    """Return (value, label or None, count) for one facet over the materials, in one query."""
    if definition.is_concept:
        rows = (
            _through(definition)
            .objects.filter(material_id__in=materials.values("pk"))
            .values("concept_id", "concept__label_nl", "concept__label_en")
            .annotate(count=Count("material_id"))
            .order_by("-count", "concept__sort_order", "concept__label_nl")
        )
        return [
            (
                row["concept_id"],
                Concept(label_nl=row["concept__label_nl"], label_en=row["concept__label_en"]).label,
                row["count"],
            )
            for row in rows
        ]
    rows = (
        Material.objects.filter(pk__in=materials.values("pk"))
        .values(definition.field)
        .annotate(count=Count("pk"))
        .order_by("-count", definition.field)
    )
    return [(row[definition.field], None, row["count"]) for row in rows]


def _facets(matches: QuerySet[Material], filters: dict[str, tuple], labels: dict) -> list[Facet]:
    conditions = {name: _facet_condition(FACETS_BY_NAME[name], v) for name, v in filters.items()}
    facets = []
    for definition in FACETS:
        others = [condition for name, condition in conditions.items() if name != definition.name]
        chosen = filters.get(definition.name, ())
        values = []
        seen = set()
        for value, label, count in _facet_counts(definition, matches.filter(*others)):
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
        facets.append(Facet(definition=definition, values=values))
    return facets


def _active_filters(query: MaterialQuery, facets: list[Facet]) -> list[ActiveFilter]:
    return [
        ActiveFilter(
            facet=facet.definition,
            value=value.value,
            label=value.label,
            remove_params=query.params_without(facet.name, value.value),
        )
        for facet in facets
        for value in facet.values
        if value.selected
    ]


def _drop_advice(query: MaterialQuery, facets: list[Facet]) -> list[DropAdvice]:
    """Count, in one query, the results without each active facet and without the words."""
    plain = Material.objects.published()
    text_condition = Q(pk__in=_text_matches(query.text, ranked=False).values("pk"))
    conditions = {
        facet.name: _facet_condition(facet.definition, query.filters[facet.name])
        for facet in facets
        if query.filters.get(facet.name)
    }
    candidates = {}
    for name in conditions:
        kept = [condition for other, condition in conditions.items() if other != name]
        if query.text:
            kept.append(text_condition)
        candidates[name] = Q(*kept) if kept else Q(pk__isnull=False)
    if query.text and conditions:
        candidates["q"] = Q(*conditions.values())
    if not candidates:
        return []
    counts = plain.aggregate(
        **{f"without_{index}": Count("pk", filter=q) for index, q in enumerate(candidates.values())}
    )
    labels = {facet.name: facet for facet in facets}
    advice = []
    for index, name in enumerate(candidates):
        count = counts[f"without_{index}"]
        if not count:
            continue
        if name == "q":
            label = _("de zoekterm ‘%(text)s’") % {"text": query.text}
        else:
            facet = labels[name]
            chosen = ", ".join(value.label for value in facet.values if value.selected)
            label = f"{facet.definition.label}: {chosen}"
        advice.append(DropAdvice(label=label, count=count, params=query.params_without(name)))
    advice.sort(key=lambda item: -item.count)
    return advice


def search_vocabulary() -> tuple[str, ...]:
    """Return the words of published titles, keywords and facet labels, cached for an hour."""
    vocabulary = cache.get(VOCABULARY_CACHE_KEY)
    if vocabulary is not None:
        return vocabulary
    counter: Counter[str] = Counter()
    for title in Material.objects.published().values_list("title", flat=True).iterator():
        counter.update(WORD.findall(title.lower()))
    keywords = MaterialKeyword.objects.filter(
        content_object__in=Material.objects.published().values("pk")
    ).values_list("tag__name", flat=True)
    for name in keywords.iterator():
        counter.update(WORD.findall(name.lower()))
    schemes = [definition.scheme for definition in FACETS if definition.is_concept]
    concepts = Concept.objects.active().filter(scheme__slug__in=schemes)
    for label_nl, label_en in concepts.values_list("label_nl", "label_en").iterator():
        counter.update(WORD.findall(f"{label_nl} {label_en}".lower()))
    vocabulary = tuple(word for word, _count in counter.most_common(VOCABULARY_MAX_WORDS))
    cache.set(VOCABULARY_CACHE_KEY, vocabulary, VOCABULARY_TIMEOUT)
    return vocabulary


def spelling_suggestion(text: str) -> str | None:
    """Return the words with unknown ones replaced by the closest known word, if any changed."""
    words = text.lower().split()
    if not words:
        return None
    vocabulary = search_vocabulary()
    known = set(vocabulary)
    suggested, changed = [], False
    for position, word in enumerate(words):
        # Past the tenth word a query is not a typo worth correcting word by word.
        if position >= SPELLING_MAX_WORDS or word in known or not WORD.fullmatch(word):
            suggested.append(word)
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        if close:
            suggested.append(close[0])
            changed = True
        else:
            suggested.append(word)
    return " ".join(suggested) if changed else None


def material_search(
    query: MaterialQuery, *, page_number=None, per_page: int = RESULTS_PER_PAGE
) -> MaterialSearchResult:
    """Return one page of published materials matching the query, with facets and advice.

    The number of queries is fixed: it does not grow with results, facets or chosen values.
    """
    filters, labels = _clean_filters(query)
    query = MaterialQuery(text=query.text, filters=filters, sort=query.sort)
    sort = query.effective_sort
    conditions = [_facet_condition(FACETS_BY_NAME[name], v) for name, v in filters.items()]
    plain_matches = _text_matches(query.text, ranked=False)
    materials = _text_matches(query.text, ranked=True) if sort == RELEVANCE else plain_matches
    results = _for_cards(_sorted(materials.filter(*conditions), sort))
    paginator = Paginator(results, per_page)
    page = paginator.get_page(page_number)
    page.elided_page_range = list(
        paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    facets = _facets(plain_matches, filters, labels)
    drop_advice, suggestion = [], None
    if paginator.count == 0:
        drop_advice = _drop_advice(query, facets)
        if query.text:
            suggestion = spelling_suggestion(query.text)
    hits = [
        MaterialHit(
            material=material,
            file_types=material_file_types(material),
            licence_label=_licence_label(material.licence),
        )
        for material in page
    ]
    return MaterialSearchResult(
        query=query,
        page=page,
        hits=hits,
        facets=facets,
        active_filters=_active_filters(query, facets),
        drop_advice=drop_advice,
        spelling_suggestion=suggestion,
    )


def material_file_types(material: Material) -> list[str]:
    """Return the distinct kinds of the material's current files, from prefetched rows."""
    labels = []
    for material_file in material.files.all():
        file_type = ALLOWED_TYPES.get(material_file.stored_file.mime_type)
        label = str(file_type.label) if file_type else material_file.stored_file.mime_type
        if label not in labels:
            labels.append(label)
    return labels


@dataclass(frozen=True)
class SiteSearchMaterials:
    materials: list[Material]
    total: int


def materials_for_site_search(text: str, *, limit: int = 5) -> SiteSearchMaterials:
    """Return the best-matching published materials, and how many match, for the site search."""
    if not text:
        return SiteSearchMaterials(materials=[], total=0)
    matches = _text_matches(text, ranked=True)
    return SiteSearchMaterials(
        materials=list(matches.prefetch_related("levels")[:limit]),
        total=_text_matches(text, ranked=False).count(),
    )
