"""The site-wide search at /zoeken/ also finds published materials, linking to their pages."""

import pytest

from tests.accounts.factories import TeacherFactory
from tests.repository.factories import draft_material
from tests.repository.search_support import load_vocabularies, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher(home_page):
    load_vocabularies()
    return TeacherFactory()


def test_site_search_shows_matching_materials_with_a_link_to_their_page(client, teacher):
    material = publish(teacher, "Zonnewijzer bouwen")

    html = client.get("/zoeken/", {"q": "zonnewijzer"}).content.decode()

    assert '<h2 id="zoeken-leermiddelen">Leermiddelen</h2>' in html
    assert f'<a href="/leermiddelen/{material.pk}/">Zonnewijzer bouwen</a>' in html
    assert 'href="/leermiddelen/?q=zonnewijzer"' in html


def test_site_search_leaves_out_drafts(client, teacher):
    draft_material(teacher, title="Zonnewijzer in concept")

    response = client.get("/zoeken/", {"q": "zonnewijzer"})

    assert response.context["materials"].total == 0
    assert "zoeken-leermiddelen" not in response.content.decode()


def test_site_search_with_query_syntax_answers_normally(client, teacher):
    publish(teacher, "Zonnewijzer bouwen")

    response = client.get("/zoeken/", {"q": "zonnewijzer*"})

    assert response.status_code == 200
    assert response.context["materials"].total == 1


def test_site_search_with_a_lone_quote_answers_normally(client, teacher):
    response = client.get("/zoeken/", {"q": '"'})

    assert response.status_code == 200
