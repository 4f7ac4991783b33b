"""Facet counts over the matches: one statement for every facet, and the totals behind advice."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from repository.models import Material
from repository.selectors.facets import FACETS, facet_counts
from repository.selectors.search import MaterialQuery, material_search
from tests.accounts.factories import TeacherFactory
from tests.repository.search_support import concept, load_vocabularies, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    load_vocabularies()
    teacher = TeacherFactory()
    publish(teacher, "Breuken vergelijken", levels=("groep 6",), subjects=("rw",))
    publish(
        teacher,
        "Kommagetallen",
        levels=("groep 6", "groep 7"),
        subjects=("rw",),
        licence="cc-by-sa-4.0",
    )
    publish(teacher, "Spelling van werkwoorden", levels=("groep 7",), subjects=("ne",))
    publish(
        teacher,
        "English grammar",
        levels=("havo 4",),
        subjects=("en",),
        licence="cc-by-sa-4.0",
        language="en",
    )


def test_every_facet_is_counted_in_a_single_query(catalogue):
    filters = {
        "level": (concept("levels", "groep 6").pk,),
        "subject": (concept("subjects", "rw").pk,),
        "licence": ("cc-by-sa-4.0",),
    }

    with CaptureQueriesContext(connection) as captured:
        counts = facet_counts(Material.objects.published(), filters)

    assert len(captured.captured_queries) == 1
    assert set(counts.values) == {definition.name for definition in FACETS}


def test_a_concept_is_counted_once_per_material_with_its_label(catalogue):
    counts = facet_counts(Material.objects.published(), {})

    levels = [(label, count) for _value, label, count in counts.values["level"]]
    assert levels == [("groep 6", 2), ("groep 7", 2), ("havo 4", 1)]


def test_the_total_without_a_choice_equals_the_search_without_it(catalogue):
    filters = {"subject": (concept("subjects", "ne").pk,), "licence": ("cc-by-sa-4.0",)}

    result = material_search(MaterialQuery(filters=filters))

    for facet in result.facets:
        if facet.name in filters:
            others = {name: values for name, values in filters.items() if name != facet.name}
            assert facet.total_without_choice == (
                material_search(MaterialQuery(filters=others)).total
            )
        else:
            assert facet.total_without_choice is None


def test_no_words_to_search_give_no_counts(catalogue):
    counts = facet_counts(Material.objects.none(), {})

    assert counts.values == {}
    assert counts.totals_without_choice == {}


def licence_counts(result) -> dict:
    facet = next(facet for facet in result.facets if facet.definition.name == "licence")
    return {value.value: value.count for value in facet.values}


def test_plain_browsing_reads_its_facet_counts_from_the_shared_cache(catalogue, settings):
    settings.PAGE_CACHE_SECONDS = 300
    with CaptureQueriesContext(connection) as counted:
        first = material_search(MaterialQuery())
    with CaptureQueriesContext(connection) as cached:
        second = material_search(MaterialQuery())

    assert licence_counts(second) == licence_counts(first) == {"cc-by-4.0": 2, "cc-by-sa-4.0": 2}
    # The facet counts and the number of results both come from the cache.
    assert len(cached) == len(counted) - 2
    assert second.total == first.total == 4


def test_publishing_a_material_refreshes_the_cached_browse_counts(
    catalogue, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    material_search(MaterialQuery())

    with django_capture_on_commit_callbacks(execute=True):
        publish(TeacherFactory(), "Breuken delen", levels=("groep 6",), subjects=("rw",))

    assert licence_counts(material_search(MaterialQuery()))["cc-by-4.0"] == 3


def level_counts(result) -> dict:
    facet = next(facet for facet in result.facets if facet.definition.name == "level")
    return {value.label: value.count for value in facet.values}


def test_the_same_search_reuses_its_facet_counts_and_another_search_does_not(catalogue, settings):
    settings.PAGE_CACHE_SECONDS = 300
    rekenen = {"subject": (concept("subjects", "rw").pk,)}
    with CaptureQueriesContext(connection) as counted:
        first = material_search(MaterialQuery(text="breuken", filters=rekenen))
    with CaptureQueriesContext(connection) as cached:
        again = material_search(MaterialQuery(text="breuken", filters=rekenen))
    other_words = material_search(MaterialQuery(text="kommagetallen", filters=rekenen))
    other_choice = material_search(
        MaterialQuery(text="breuken", filters={"subject": (concept("subjects", "ne").pk,)})
    )

    assert len(cached) == len(counted) - 1
    assert level_counts(again) == level_counts(first) == {"groep 6": 1}
    assert level_counts(other_words) == {"groep 6": 1, "groep 7": 1}
    assert level_counts(other_choice) == {}


def test_publishing_a_material_refreshes_the_cached_search_counts(
    catalogue, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    query = MaterialQuery(text="breuken")
    assert level_counts(material_search(query)) == {"groep 6": 1}

    with django_capture_on_commit_callbacks(execute=True):
        publish(TeacherFactory(), "Breuken delen", levels=("groep 7",), subjects=("rw",))

    assert level_counts(material_search(query)) == {"groep 6": 1, "groep 7": 1}
