"""The sitemap lists published materials, never drafts or withdrawn ones."""

import pytest
from lxml import etree

from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import draft_material, published_material

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(client) -> set[str]:
    tree = etree.fromstring(client.get("/sitemap.xml").content)
    return {element.text for element in tree.iter(f"{SITEMAP}loc")}


def test_the_sitemap_lists_published_materials_with_their_dutch_address(client):
    material = published_material(TeacherFactory())

    assert f"http://testserver/leermiddelen/{material.pk}/" in sitemap_locations(client)


def test_drafts_and_withdrawn_materials_stay_out_of_the_sitemap(client):
    owner = TeacherFactory()
    draft = draft_material(owner, title="Concept")
    withdrawn = published_material(owner, title="Ingetrokken")
    material_withdraw(material=withdrawn, user=owner, reason="Verouderd")

    locations = sitemap_locations(client)

    assert not any(f"/leermiddelen/{draft.pk}/" in location for location in locations)
    assert not any(f"/leermiddelen/{withdrawn.pk}/" in location for location in locations)
