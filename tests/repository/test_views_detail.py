"""The material page: public once published, otherwise only for those who may see the draft."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

import pytest

from tests.accounts.factories import ReviewerFactory, TeacherFactory
from tests.repository.factories import draft_material, published_material

pytestmark = pytest.mark.django_db


def detail_url(material) -> str:
    return reverse("repository:material_detail", args=[material.pk])


def test_published_material_is_shown_to_anyone_with_its_files_and_versions(client):
    material = published_material(TeacherFactory(), title="Breuken vergelijken")
    version_file = material.versions.get().files.get()

    response = client.get(detail_url(material))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Breuken vergelijken</h1>" in html
    assert "Oefeningen met breuken voor groep 6." in html
    assert "CC BY 4.0" in html
    assert f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/" in html
    assert "Versie 1" in html


def test_draft_is_not_found_for_visitors_and_other_teachers(client):
    material = draft_material(TeacherFactory())

    assert client.get(detail_url(material)).status_code == 404
    client.force_login(TeacherFactory())
    assert client.get(detail_url(material)).status_code == 404
    client.force_login(ReviewerFactory())
    assert client.get(detail_url(material)).status_code == 404


def test_author_sees_the_draft_with_its_files(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.get(detail_url(material))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Concept" in html
    stored_file_id = material.files.get().stored_file_id
    assert f"/leermiddelen/{material.pk}/concept/bestanden/{stored_file_id}/" in html
    assert reverse("repository:material_edit", args=[material.pk]) in html


def test_admin_preview_renders_the_draft(rf):
    material = draft_material(TeacherFactory(), title="Nog niet af")
    request = rf.get("/")
    request.user = AnonymousUser()

    response = material.serve_preview(request, "")

    html = response.render().content.decode()
    assert "<h1>Nog niet af</h1>" in html
    assert "breuken.pdf" in html


def test_published_material_page_embeds_json_ld_and_a_canonical_link(client):
    import json
    import re

    material = published_material(TeacherFactory())

    html = client.get(reverse("repository:material_detail", args=[material.pk])).content.decode()

    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(script[1])
    assert data["@type"] == "LearningResource"
    assert data["name"] == material.title
    assert f'rel="canonical" href="http://testserver/leermiddelen/{material.pk}/"' in html


def test_draft_page_has_no_json_ld(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    html = client.get(reverse("repository:material_detail", args=[material.pk])).content.decode()

    assert "application/ld+json" not in html
