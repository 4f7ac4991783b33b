"""Searching published materials: full text, facets with exact counts, sorting and advice."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from lti.models import LaunchCount, Registration
from repository import demo_files
from repository.models import Feedback, MaterialFile, ReviewStatus
from repository.selectors.search import (
    FACETS,
    MOST_USED,
    NEWEST,
    MaterialQuery,
    material_search,
)
from repository.services.derivatives import file_derivative_process
from repository.services.materials import material_save_draft, material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import draft_material, upload
from tests.repository.search_support import concept, load_vocabularies, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher():
    load_vocabularies()
    return TeacherFactory()


@pytest.fixture
def catalogue(teacher):
    """Four materials spread over levels, subjects, licences, languages and review states."""
    return {
        "breuken": publish(
            teacher,
            "Breuken vergelijken",
            levels=("groep 6",),
            subjects=("rw",),
            accessibility=("alternativeText",),
        ),
        "kommagetallen": publish(
            teacher,
            "Kommagetallen",
            levels=("groep 6", "groep 7"),
            subjects=("rw",),
            licence="cc-by-sa-4.0",
            review_status=ReviewStatus.REVIEWED,
        ),
        "spelling": publish(
            teacher,
            "Spelling van werkwoorden",
            levels=("groep 7",),
            subjects=("ne",),
            accessibility=("alternativeText", "captions"),
        ),
        "grammar": publish(
            teacher,
            "English grammar",
            levels=("havo 4",),
            subjects=("en",),
            licence="cc-by-sa-4.0",
            language="en",
        ),
    }


def titles(result) -> list[str]:
    return [hit.material.title for hit in result.hits]


def facet(result, name):
    return next(f for f in result.facets if f.name == name)


def test_each_facet_count_equals_the_results_of_that_filter_alone(catalogue):
    result = material_search(MaterialQuery())

    checked = 0
    for shown in result.facets:
        for value in shown.values:
            filtered = material_search(MaterialQuery(filters={shown.name: (value.value,)}))
            assert filtered.total == value.count, (shown.name, value.label)
            checked += 1
    assert checked >= 12


def test_facet_counts_equal_the_results_of_combined_filters(catalogue):
    chosen = {"level": (concept("levels", "groep 6").pk,), "licence": ("cc-by-4.0",)}
    result = material_search(MaterialQuery(filters=chosen))

    for shown in result.facets:
        for value in shown.values:
            if value.selected:
                continue
            # Within its own facet a count ignores the facet's choice: the value alone.
            filters = {**chosen, shown.name: (value.value,)}
            assert material_search(MaterialQuery(filters=filters)).total == value.count, (
                shown.name,
                value.label,
            )


def test_facet_counts_follow_the_words_searched(catalogue):
    result = material_search(MaterialQuery(text="breuken"))

    assert titles(result) == ["Breuken vergelijken"]
    assert [(v.label, v.count) for v in facet(result, "level").values] == [("groep 6", 1)]


def test_values_within_a_facet_combine_with_or(catalogue):
    levels = (concept("levels", "groep 6").pk, concept("levels", "havo 4").pk)

    result = material_search(MaterialQuery(filters={"level": levels}))

    assert sorted(titles(result)) == ["Breuken vergelijken", "English grammar", "Kommagetallen"]


def test_facets_combine_with_and(catalogue):
    filters = {
        "level": (concept("levels", "groep 7").pk,),
        "subject": (concept("subjects", "rw").pk,),
    }

    result = material_search(MaterialQuery(filters=filters))

    assert titles(result) == ["Kommagetallen"]


def test_every_facet_of_the_issue_is_offered(catalogue):
    result = material_search(MaterialQuery())

    assert [f.name for f in result.facets] == [f.name for f in FACETS]
    assert {v.label for v in facet(result, "review").values} == {
        "niet beoordeeld",
        "beoordeeld",
    }
    assert {v.label for v in facet(result, "language").values} == {"Nederlands", "Engels"}
    assert [(v.label, v.count) for v in facet(result, "accessibility").values][0] == (
        "Tekstalternatief bij afbeeldingen",
        2,
    )


def test_a_chosen_value_without_results_stays_visible_to_untick(catalogue):
    filters = {
        "subject": (concept("subjects", "en").pk,),
        "level": (concept("levels", "groep 6").pk,),
    }

    result = material_search(MaterialQuery(filters=filters))

    assert result.total == 0
    groep_6 = facet(result, "level").values[0]
    assert (groep_6.label, groep_6.selected) == ("groep 6", True)


def test_full_text_finds_words_that_occur_only_in_a_pdfs_text(
    teacher, django_capture_on_commit_callbacks
):
    pdf = demo_files.pdf_bytes("Werkblad", ["De zonnewijzer van Oudewater."])
    material = publish(teacher, "Tijd meten", files=[upload("werkblad.pdf", pdf)])
    assert material_search(MaterialQuery(text="zonnewijzer")).total == 0

    stored_file = MaterialFile.objects.get(material=material).stored_file
    with django_capture_on_commit_callbacks(execute=True):
        derivative = file_derivative_process(stored_file=stored_file)

    assert derivative.status == "ready"
    assert titles(material_search(MaterialQuery(text="zonnewijzer"))) == ["Tijd meten"]


def test_words_in_keywords_are_found(teacher):
    publish(teacher, "Klokkijken", keywords=["tijdreis"])

    assert titles(material_search(MaterialQuery(text="tijdreis"))) == ["Klokkijken"]


def test_a_withdrawn_material_disappears_from_search(teacher):
    material = publish(teacher, "Breuken vergelijken")
    assert material_search(MaterialQuery(text="breuken")).total == 1

    material_withdraw(material=material, user=teacher, reason="Verouderd")

    assert material_search(MaterialQuery(text="breuken")).total == 0
    assert material_search(MaterialQuery()).total == 0


def test_drafts_never_appear(teacher):
    draft_material(teacher, title="Breuken in concept")

    assert material_search(MaterialQuery(text="breuken")).total == 0
    assert material_search(MaterialQuery()).total == 0


def test_unpublished_changes_to_a_published_material_are_not_searchable(teacher):
    material = publish(teacher, "Breuken vergelijken")

    material_save_draft(material=material, user=teacher, data={"title": "Geheime titel"})

    assert material_search(MaterialQuery(text="geheime")).total == 0
    assert titles(material_search(MaterialQuery(text="breuken"))) == ["Breuken vergelijken"]


def test_newest_sorts_by_latest_publication(teacher):
    publish(teacher, "Eerste")
    publish(teacher, "Tweede")
    publish(teacher, "Derde")

    assert titles(material_search(MaterialQuery(sort=NEWEST))) == ["Derde", "Tweede", "Eerste"]


def test_most_used_counts_launches_and_teacher_experiences(teacher):
    quiet = publish(teacher, "Weinig gebruikt")
    launched = publish(teacher, "Vaak geopend")
    liked = publish(teacher, "Veel ervaringen")
    registration = Registration.objects.create(
        name="Moodle", issuer="https://moodle.example", client_id="abc"
    )
    LaunchCount.objects.create(material=launched, registration=registration, count=3)
    for _ in range(4):
        Feedback.objects.create(
            material=liked, role=Feedback.Role.TEACHER, status=Feedback.Status.APPROVED
        )
    # Not counted: a student's experience and one still waiting for moderation.
    Feedback.objects.create(material=quiet, role=Feedback.Role.STUDENT, status="approved")
    Feedback.objects.create(material=quiet, role=Feedback.Role.TEACHER, status="pending")

    result = material_search(MaterialQuery(sort=MOST_USED))

    assert titles(result) == ["Veel ervaringen", "Vaak geopend", "Weinig gebruikt"]


def test_relevance_puts_title_matches_before_summary_matches(teacher):
    publish(teacher, "Werkwoorden", summary="Over breuken gesproken, maar niet echt.")
    publish(teacher, "Breuken", summary="Oefenen.")

    result = material_search(MaterialQuery(text="breuken"))

    assert result.query.effective_sort == "relevance"
    assert titles(result) == ["Breuken", "Werkwoorden"]


def test_relevance_without_words_falls_back_to_newest(teacher):
    assert MaterialQuery(sort="relevance").effective_sort == NEWEST
    assert MaterialQuery(sort="evil").effective_sort == NEWEST
    assert MaterialQuery(text="x", sort="evil").effective_sort == "relevance"


def test_empty_results_offer_the_filter_to_drop_with_its_count(catalogue):
    filters = {
        "subject": (concept("subjects", "ne").pk,),
        "licence": ("cc-by-sa-4.0",),
    }

    result = material_search(MaterialQuery(filters=filters))

    assert result.total == 0
    advice = {item.label: item.count for item in result.drop_advice}
    assert advice == {"Licentie: CC BY-SA 4.0": 1, "Vak: Nederlands": 2}
    drop_subject = next(item for item in result.drop_advice if item.label.startswith("Vak"))
    assert drop_subject.params == {"page": None, "subject": None}


def test_empty_results_offer_to_drop_the_words(catalogue):
    result = material_search(MaterialQuery(text="grammar", filters={"licence": ("cc-by-4.0",)}))

    labels = {item.label: item.count for item in result.drop_advice}
    assert labels == {"de zoekterm ‘grammar’": 2, "Licentie: CC BY 4.0": 1}


def test_empty_results_suggest_a_spelling_from_titles_and_labels(catalogue):
    result = material_search(MaterialQuery(text="breukne"))

    assert result.total == 0
    assert result.spelling_suggestion == "breuken"


def test_no_spelling_suggestion_for_known_words(catalogue):
    result = material_search(MaterialQuery(text="kommagetallen", filters={"licence": ("cc0-1.0",)}))

    assert result.total == 0
    assert result.spelling_suggestion is None


def test_unknown_facet_values_are_ignored(catalogue):
    result = material_search(
        MaterialQuery(filters={"level": (999_999,), "licence": ("evil",), "review": ("x",)})
    )

    assert result.total == 4
    assert result.active_filters == []


def test_a_concept_from_another_vocabulary_does_not_filter(catalogue):
    subject = concept("subjects", "rw").pk

    result = material_search(MaterialQuery(filters={"level": (subject,)}))

    assert result.total == 4


def test_search_syntax_in_the_words_never_fails(teacher):
    publish(teacher, "Breuken vergelijken")
    texts = ['"', "breuken*", "AND OR NOT", "(groep", "-breuken", "NEAR(a b)", "'; DROP", "ü"]

    totals = [material_search(MaterialQuery(text=text)).total for text in texts]

    assert totals == [0, 1, 0, 0, 1, 0, 0, 0]


def count_queries(query: MaterialQuery) -> int:
    with CaptureQueriesContext(connection) as captured:
        result = material_search(query)
        for hit in result.hits:
            list(hit.material.levels.all())
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_facets_or_results(catalogue, teacher):
    five_facets = {
        "level": (concept("levels", "groep 6").pk, concept("levels", "groep 7").pk),
        "subject": (concept("subjects", "rw").pk,),
        "accessibility": (concept("accessibility-features", "alternativeText").pk,),
        "licence": ("cc-by-4.0", "cc-by-sa-4.0"),
        "language": ("nl",),
    }

    browse = count_queries(MaterialQuery())
    many_facets = count_queries(MaterialQuery(filters=five_facets))
    one_result = count_queries(MaterialQuery(text="grammar"))
    many_results = count_queries(MaterialQuery(text="oefenen"))

    assert browse == many_facets == one_result == many_results
    assert browse <= 15
