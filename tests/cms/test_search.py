"""Site search at /zoeken/: pages in the current language, paginated, query in the URL."""

from wagtail.models import Locale, PageViewRestriction

import pytest

from tests.cms.factories import NewsPageFactory, StandardPageFactory, small_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return small_site()


def found_titles(response) -> list[str]:
    return [page.title for page in response.context["results"]]


def test_search_finds_pages_by_words_in_their_content(client, site):
    NewsPageFactory(parent=site.news, title="Nulmeting", summary="Uitgaven aan licenties.")
    NewsPageFactory(parent=site.news, title="Klankbordgroep", summary="Ouders praten mee.")

    response = client.get("/zoeken/", {"q": "licenties"})

    assert response.status_code == 200
    assert found_titles(response) == ["Nulmeting"]


def test_search_leaves_out_drafts_and_private_pages(client, site):
    NewsPageFactory(parent=site.news, title="Privacy openbaar", summary="Over privacy.")
    NewsPageFactory(parent=site.news, title="Privacy concept", summary="Over privacy.", live=False)
    private = StandardPageFactory(parent=site.home, title="Privacy besloten")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    response = client.get("/zoeken/", {"q": "privacy"})

    assert found_titles(response) == ["Privacy openbaar"]


def test_search_results_are_paginated_with_the_query_in_the_links(client, site):
    for number in range(12):
        NewsPageFactory(parent=site.news, title=f"Toets {number}", summary="Over toetsen.")

    first = client.get("/zoeken/", {"q": "toetsen"})
    second = client.get("/zoeken/", {"q": "toetsen", "page": 2})

    assert len(first.context["results"]) == 10
    assert len(second.context["results"]) == 2
    assert 'href="?q=toetsen&amp;page=2"' in first.content.decode()


def test_search_without_a_query_shows_only_the_form(client, site):
    response = client.get("/zoeken/")

    html = response.content.decode()
    assert response.context["results"] is None
    assert '<label for="id_q">Zoekterm</label>' in html
    assert html.count("<h1") == 1


def test_search_stays_within_the_current_language(client, site):
    Locale.objects.create(language_code="en")
    NewsPageFactory(parent=site.news, title="Kwaliteitskader", summary="Het kader.")

    response = client.get("/en/zoeken/", {"q": "kwaliteitskader"})

    assert response.status_code == 200
    assert found_titles(response) == []


def test_the_search_page_title_names_the_query(client, site):
    html = client.get("/zoeken/", {"q": "rekenen"}).content.decode()

    assert "<title>Zoekresultaten voor ‘rekenen’ · NLKA</title>" in html


def test_every_page_offers_the_search_form_in_the_header(client, site):
    html = client.get("/").content.decode()

    assert '<form role="search" action="/zoeken/" method="get">' in html
    assert '<label for="site-search-query" class="visually-hidden">' in html
