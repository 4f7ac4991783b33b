"""The browse page at /leermiddelen/: a shareable GET search with facets, for everyone."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import draft_material
from tests.repository.search_support import concept, load_vocabularies, publish

pytestmark = pytest.mark.django_db

URL = "/leermiddelen/"


@pytest.fixture
def teacher():
    load_vocabularies()
    return TeacherFactory()


@pytest.fixture
def catalogue(teacher):
    return [
        publish(teacher, "Breuken vergelijken", levels=("groep 6",), subjects=("rw",)),
        publish(teacher, "Kommagetallen", levels=("groep 6", "groep 7"), licence="cc0-1.0"),
        publish(teacher, "Werkwoorden", levels=("groep 7",), subjects=("ne",), language="en"),
    ]


def found(response) -> list[str]:
    return [hit.material.title for hit in response.context["hits"]]


def test_anyone_can_browse_published_materials_without_an_account(client, catalogue, teacher):
    draft_material(teacher, title="Nog een concept")

    response = client.get(URL)

    assert response.status_code == 200
    assert sorted(found(response)) == ["Breuken vergelijken", "Kommagetallen", "Werkwoorden"]


def test_a_withdrawn_material_is_not_listed(client, catalogue, teacher):
    material_withdraw(material=catalogue[0], user=teacher)

    response = client.get(URL, {"q": "breuken"})

    assert found(response) == []


def test_the_page_has_one_h1_a_result_heading_and_facet_fieldsets(client, catalogue):
    html = client.get(URL).content.decode()

    assert html.count("<h1") == 1
    assert '<h2 class="listing-count" id="browse-count">3 leermiddelen gevonden</h2>' in html
    assert '<fieldset class="facet">' in html
    assert "<legend>Onderwijsniveau" in html
    assert '<label for="filter-level-' in html
    assert "style=" not in html
    assert "<script>" not in html


def test_clicking_a_facet_value_gives_exactly_the_count_shown(client, catalogue):
    response = client.get(URL)

    for facet in response.context["result"].facets:
        for value in facet.values:
            narrowed = client.get(URL, {facet.name: value.value})
            assert narrowed.context["result"].total == value.count, (facet.name, value.label)


def test_the_count_is_shown_next_to_each_facet_value(client, catalogue):
    html = client.get(URL).content.decode()

    groep_6 = concept("levels", "groep 6").pk
    assert re.search(
        rf'id="filter-level-{groep_6}">\s*<label for="filter-level-{groep_6}">groep 6 '
        r'<span class="facet__count">\(2<span class="visually-hidden"> leermiddelen',
        html,
    )


def test_chosen_filters_stay_ticked_and_can_be_removed_by_link(client, catalogue):
    groep_7 = concept("levels", "groep 7").pk

    response = client.get(URL, {"level": groep_7, "licence": "cc0-1.0"})

    html = response.content.decode()
    assert found(response) == ["Kommagetallen"]
    assert f'value="{groep_7}" id="filter-level-{groep_7}" checked' in html
    assert '<a href="/leermiddelen/?level=' in html
    assert 'href="/leermiddelen/?licence=cc0-1.0">Onderwijsniveau: groep 7' in html


def test_the_search_lives_in_the_url_so_it_can_be_shared(client, catalogue):
    html = client.get(URL, {"q": "breuken"}).content.decode()

    assert '<form class="browse__form" method="get" action="/leermiddelen/"' in html
    assert 'name="q" id="id_q" value="breuken"' in html


def test_results_are_paginated_with_aria_current(client, teacher, monkeypatch):
    monkeypatch.setattr("repository.views.browse.RESULTS_PER_PAGE", 2)
    for number in range(3):
        publish(teacher, f"Blad {number}")

    second = client.get(URL, {"page": 2})

    html = second.content.decode()
    assert len(found(second)) == 1
    assert 'aria-label="Paginering"' in html
    assert 'href="?page=2" aria-current="page"' in html


def test_sorting_is_offered_and_applied(client, catalogue):
    response = client.get(URL, {"sort": "newest"})

    html = response.content.decode()
    assert found(response) == ["Werkwoorden", "Kommagetallen", "Breuken vergelijken"]
    assert '<option value="newest" selected>Nieuwste eerst</option>' in html
    assert 'value="relevance"' not in html


def test_a_card_shows_levels_subjects_licence_review_status_and_file_type(client, catalogue):
    html = client.get(URL, {"q": "breuken"}).content.decode()

    assert "<dt>Onderwijsniveau</dt><dd>groep 6</dd>" in html
    assert "<dt>Vak</dt><dd>Rekenen en wiskunde</dd>" in html
    assert "<dt>Licentie</dt><dd>CC BY 4.0</dd>" in html
    assert "<dt>Beoordelingsstatus</dt><dd>niet beoordeeld</dd>" in html
    assert "<dt>Bestanden</dt><dd>PDF-document</dd>" in html
    assert f'<a href="/leermiddelen/{catalogue[0].pk}/">Breuken vergelijken</a>' in html


def test_an_empty_result_links_to_dropping_a_filter_with_its_count(client, catalogue):
    ne = concept("subjects", "ne").pk

    response = client.get(URL, {"subject": ne, "licence": "cc0-1.0"})

    html = response.content.decode()
    assert found(response) == []
    assert (
        f'<a href="/leermiddelen/?subject={ne}">Zonder Licentie: CC0 1.0: 1 leermiddel</a>' in html
    )
    assert "Wis je zoekterm en alle filters" in html


def test_an_empty_result_suggests_a_spelling(client, catalogue):
    html = client.get(URL, {"q": "komagetallen"}).content.decode()

    assert 'Bedoel je <a href="/leermiddelen/?q=kommagetallen">kommagetallen</a>?' in html


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "99999999999999999999"},
        {"level": ["999999", "abc", "-1", "99999999999999999999999"]},
        {"licence": "x" * 500},
        {"sort": "evil"},
        {"q": "\x00"},
    ],
)
def test_bad_input_gets_a_normal_page(client, catalogue, params):
    response = client.get(URL, params)

    assert response.status_code == 200
    assert response.context["result"].total == 3


def test_a_very_long_query_gets_a_dutch_message_and_the_unfiltered_list(client, catalogue):
    response = client.get(URL, {"q": "breuken " * 1250})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Controleer je zoekopdracht" in html
    assert '<a href="#id_q">Zoek in leermiddelen: Gebruik hoogstens 200 tekens' in html
    assert 'aria-invalid="true"' in html
    assert response.context["result"].total == 3


def test_only_get_is_allowed(client):
    assert client.post(URL).status_code == 405


def test_the_header_links_to_the_materials(client, home_page):
    html = client.get("/").content.decode()

    assert '<a href="/leermiddelen/">Leermiddelen</a>' in html


def queries_for(client, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_browse_and_search_pages_use_the_same_number_of_queries(client, catalogue, teacher):
    for number in range(4):
        publish(teacher, f"Oefenblad {number}", levels=("groep 8",), subjects=("ak",))
    five_facets = {
        "level": [concept("levels", "groep 6").pk, concept("levels", "groep 7").pk],
        "subject": [concept("subjects", "rw").pk],
        "licence": ["cc-by-4.0", "cc0-1.0"],
        "language": ["nl"],
        "review": ["not_reviewed"],
    }
    client.get(URL)  # warm the per-process caches (content types, site)

    counts = {
        "browse": queries_for(client, {}),
        "five facets": queries_for(client, five_facets),
        "one result": queries_for(client, {"q": "kommagetallen"}),
        "many results": queries_for(client, {"q": "oefenblad"}),
    }

    assert len(set(counts.values())) == 1, counts
