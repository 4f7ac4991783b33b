"""Reads behind browsing and searching published materials: full text, sorting, advice.

Facets, and how their counts combine, live in `repository.selectors.facets`.
"""

import difflib
import hashlib
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
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.search.backends import get_search_backend

from cms.page_cache import generation_cached
from lti.models import LaunchCount
from metadata.licences import LICENCES
from metadata.models import LANGUAGES, Concept
from repository.filetypes import ALLOWED_TYPES
from repository.models import Feedback, Material, MaterialFile, MaterialKeyword, ReviewStatus
from repository.selectors.facets import (
    FACETS,
    FACETS_BY_NAME,
    Facet,
    FacetDefinition,
    facet_condition,
    licence_label,
    material_facets,
)

RESULTS_PER_PAGE = 20
RELEVANCE = "relevance"
NEWEST = "newest"
MOST_USED = "most-used"
SORTS = (RELEVANCE, NEWEST, MOST_USED)
# External engines (OpenSearch) hand back hits, not SQL; beyond this many we stop listing them.
EXTERNAL_ENGINE_MATCH_LIMIT = 1000
VOCABULARY_CACHE_KEY = "repository:search-vocabulary:v1"
VOCABULARY_TIMEOUT = 60 * 60
# difflib compares against every word, so keep the most frequent ones only.
VOCABULARY_MAX_WORDS = 20_000
SPELLING_MAX_WORDS = 10
WORD = re.compile(r"[^\W\d_]{3,}")
SEARCH_WORD = re.compile(r"\w+")


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
    """Return what to leave out of an empty search: each active facet, and the words.

    The facet counts already carry the number of matches without each facet's choice; only
    leaving out the words takes a query.
    """
    counts = {
        facet.name: facet.total_without_choice
        for facet in facets
        if query.filters.get(facet.name) and facet.total_without_choice is not None
    }
    conditions = [
        facet_condition(facet.definition, query.filters[facet.name])
        for facet in facets
        if query.filters.get(facet.name)
    ]
    if query.text and conditions:
        counts["q"] = Material.objects.published().filter(*conditions).count()
    labels = {facet.name: facet for facet in facets}
    advice = []
    for name, count in counts.items():
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
    conditions = [facet_condition(FACETS_BY_NAME[name], v) for name, v in filters.items()]
    plain_matches = _text_matches(query.text, ranked=False)
    materials = _text_matches(query.text, ranked=True) if sort == RELEVANCE else plain_matches
    results = _for_cards(_sorted(materials.filter(*conditions), sort))
    paginator = Paginator(results, per_page)
    if not query.text and not filters:
        # Plain browsing counts the whole catalogue; the number holds until something changes.
        paginator.count = generation_cached("browse-count", plain_matches.count)
    page = paginator.get_page(page_number)
    page.elided_page_range = list(
        paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    if query.text or filters:
        facets = _search_facets(query, plain_matches, filters, labels)
    else:
        facets = _browse_facets(plain_matches, labels)
    drop_advice, suggestion = [], None
    if paginator.count == 0:
        drop_advice = _drop_advice(query, facets)
        if query.text:
            suggestion = spelling_suggestion(query.text)
    hits = [
        MaterialHit(
            material=material,
            file_types=material_file_types(material),
            licence_label=licence_label(material.licence),
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


def _browse_facets(published: QuerySet[Material], labels: dict) -> list[Facet]:
    """Return the facets of plain browsing, which count the whole catalogue, kept per generation."""
    return generation_cached(
        f"browse-facets:{get_language()}", lambda: material_facets(published, {}, labels)
    )


def _search_facets(
    query: MaterialQuery, matches: QuerySet[Material], filters: dict, labels: dict
) -> list[Facet]:
    """Return the facets of a search, kept per generation for the same words and choices.

    Counting reads every match, so its cost grows with the catalogue; the same search (a
    link a teacher shares with the class, the first search of a lesson) reuses the counts
    until something is published, withdrawn or reviewed, as a search engine's request cache
    does. The key holds the words as the engines see them and the cleaned choices.
    """
    asked = repr((search_words(query.text), sorted(filters.items())))
    digest = hashlib.sha256(asked.encode()).hexdigest()
    return generation_cached(
        f"search-facets:{get_language()}:{digest}",
        lambda: material_facets(matches, filters, labels),
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


def published_text_matches(text: str) -> QuerySet[Material]:
    """Return the published materials matching every word, unranked, for callers that sort."""
    return _text_matches(text, ranked=False)
