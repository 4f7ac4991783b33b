"""Remixing from the material page: the button or the refusal, the edit form's licences, access."""

import re

from django.urls import reverse

import pytest

from repository.models import Material, MaterialSource
from repository.services.materials import working_copy
from repository.services.remix import remix_create
from tests.accounts.factories import TeacherFactory, UserFactory
from tests.repository.factories import (
    draft_material,
    published_material,
    published_material_under,
)

pytestmark = pytest.mark.django_db


def detail_url(material) -> str:
    return reverse("repository:material_detail", args=[material.pk])


def remix_url(material) -> str:
    return reverse("repository:material_remix", args=[material.pk])


def add_source_url(material) -> str:
    return reverse("repository:material_add_as_source", args=[material.pk])


def edit_url(material) -> str:
    return reverse("repository:material_edit", args=[material.pk])


def offered_licences(html: str) -> list[str]:
    return re.findall(r'<input type="radio" name="licence" value="([^"]+)"', html)


def test_teacher_sees_the_remix_button_on_a_published_material(client):
    material = published_material(TeacherFactory())
    client.force_login(TeacherFactory())

    html = client.get(detail_url(material)).content.decode()

    assert f'action="{remix_url(material)}"' in html
    assert "Bewerk een kopie" in html


def test_no_derivatives_material_says_why_it_cannot_be_remixed_before_anyone_starts(client):
    material = published_material_under("cc-by-nd-4.0", TeacherFactory())
    client.force_login(TeacherFactory())

    html = client.get(detail_url(material)).content.decode()

    assert "Je mag dit leermiddel niet bewerken." in html
    assert "CC BY-ND 4.0 staat geen bewerkingen toe" in html
    assert remix_url(material) not in html


def test_remixing_a_no_derivatives_material_is_refused_with_the_dutch_explanation(client):
    material = published_material_under("cc-by-nd-4.0", TeacherFactory())
    client.force_login(TeacherFactory())

    response = client.post(remix_url(material), follow=True)

    assert response.redirect_chain[-1][0] == detail_url(material)
    assert "CC BY-ND 4.0 staat geen bewerkingen toe" in response.content.decode()
    assert not MaterialSource.objects.exists()


def test_visitor_is_told_to_log_in_to_remix(client):
    material = published_material(TeacherFactory())

    html = client.get(detail_url(material)).content.decode()

    assert "Log in als leraar om een kopie te bewerken." in html
    assert remix_url(material) not in html


def test_one_post_creates_the_remix_and_opens_its_edit_page(client):
    material = published_material(TeacherFactory(), title="Breuken vergelijken")
    teacher = TeacherFactory()
    client.force_login(teacher)

    response = client.post(remix_url(material), follow=True)

    remix = Material.objects.get(owner=teacher)
    assert response.redirect_chain == [(edit_url(remix), 302)]
    assert "Je bewerking van ‘Breuken vergelijken’ staat klaar als concept" in (
        response.content.decode()
    )


def test_visitor_cannot_remix(client):
    material = published_material(TeacherFactory())

    response = client.post(remix_url(material))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not MaterialSource.objects.exists()


def test_user_without_the_teacher_role_cannot_remix(client):
    material = published_material(TeacherFactory())
    client.force_login(UserFactory())

    assert client.post(remix_url(material)).status_code == 403
    assert not MaterialSource.objects.exists()


def test_a_draft_of_someone_else_cannot_be_remixed(client):
    material = draft_material(TeacherFactory())
    client.force_login(TeacherFactory())

    assert client.post(remix_url(material)).status_code == 404


def test_remixing_needs_a_post(client):
    material = published_material(TeacherFactory())
    client.force_login(TeacherFactory())

    assert client.get(remix_url(material)).status_code == 405


def test_edit_form_of_a_share_alike_remix_offers_only_share_alike(client):
    teacher = TeacherFactory()
    remix = remix_create(source=published_material_under("cc-by-sa-4.0", teacher), user=teacher)
    client.force_login(teacher)

    html = client.get(edit_url(remix)).content.decode()

    assert offered_licences(html) == ["cc-by-sa-4.0"]


def test_server_refuses_another_licence_for_a_share_alike_remix(client):
    teacher = TeacherFactory()
    remix = remix_create(source=published_material_under("cc-by-sa-4.0", teacher), user=teacher)
    client.force_login(teacher)

    response = client.post(
        edit_url(remix), {"title": "Mijn versie", "licence": "cc-by-4.0", "action": "save"}
    )

    assert response.status_code == 200
    assert "Deze licentie past niet bij de bronnen van je bewerking." in response.content.decode()
    assert working_copy(remix).licence == "cc-by-sa-4.0"


def test_edit_form_of_a_by_and_by_nc_remix_offers_only_non_commercial_licences(client):
    teacher = TeacherFactory()
    by = published_material_under("cc-by-4.0", teacher, title="Breuken")
    by_nc = published_material_under("cc-by-nc-4.0", teacher, title="Procenten")
    remix = remix_create(source=by, user=teacher)
    client.force_login(teacher)
    client.post(add_source_url(by_nc), {"bewerking": remix.pk})

    html = client.get(edit_url(remix)).content.decode()

    assert offered_licences(html) == ["cc-by-nc-4.0", "cc-by-nc-sa-4.0", "cc-by-nc-nd-4.0"]


def test_teacher_adds_a_material_as_source_to_an_own_remix(client):
    teacher = TeacherFactory()
    remix = remix_create(source=published_material(teacher, title="Breuken"), user=teacher)
    other = published_material(TeacherFactory(), title="Procenten")
    client.force_login(teacher)

    detail = client.get(detail_url(other)).content.decode()
    response = client.post(add_source_url(other), {"bewerking": remix.pk}, follow=True)

    assert f'<option value="{remix.pk}">Breuken</option>' in detail
    assert response.redirect_chain == [(edit_url(remix), 302)]
    assert [row.title for row in remix.sources.all()] == ["Breuken", "Procenten"]


def test_an_incompatible_source_is_refused_with_the_reason(client):
    teacher = TeacherFactory()
    remix = remix_create(source=published_material_under("cc-by-sa-4.0", teacher), user=teacher)
    other = published_material_under("cc-by-nc-4.0", teacher, title="Niet commercieel")
    client.force_login(teacher)

    response = client.post(add_source_url(other), {"bewerking": remix.pk}, follow=True)

    assert response.redirect_chain[-1][0] == detail_url(other)
    assert "Geen licentie voldoet aan allebei." in response.content.decode()
    assert remix.sources.count() == 1


def test_another_teachers_remix_cannot_take_a_source(client):
    owner = TeacherFactory()
    remix = remix_create(source=published_material(owner), user=owner)
    other = published_material(owner, title="Procenten")
    client.force_login(TeacherFactory())

    response = client.post(add_source_url(other), {"bewerking": remix.pk})

    assert response.status_code == 404
    assert remix.sources.count() == 1


def test_visitor_cannot_add_a_source(client):
    owner = TeacherFactory()
    remix = remix_create(source=published_material(owner), user=owner)
    other = published_material(owner, title="Procenten")

    response = client.post(add_source_url(other), {"bewerking": remix.pk})

    assert response.status_code == 302
    assert remix.sources.count() == 1


def test_adding_a_source_without_a_valid_remix_says_what_to_do(client):
    teacher = TeacherFactory()
    other = published_material(TeacherFactory())
    client.force_login(teacher)

    response = client.post(add_source_url(other), {"bewerking": "abc"}, follow=True)

    assert response.status_code == 200
    assert "Kies de bewerking waaraan je deze bron wilt toevoegen." in response.content.decode()
