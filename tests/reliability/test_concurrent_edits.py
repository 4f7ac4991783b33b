"""Two people saving the same draft: the later save is refused, nothing is lost."""

from django.urls import reverse

import pytest

from repository.models import Material
from repository.services.materials import (
    DraftConflict,
    material_add_file,
    material_save_draft,
    working_copy,
)
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import draft_material, upload

pytestmark = pytest.mark.django_db

CONFLICT = "Iemand anders heeft dit leermiddel intussen bewaard"


@pytest.fixture
def authors():
    owner, co_author = TeacherFactory(), TeacherFactory()
    material = draft_material(owner)
    material_save_draft(material=material, user=owner, data={"co_authors": [co_author]})
    return material, owner, co_author


def edit_url(material) -> str:
    return reverse("repository:material_edit", args=[material.pk])


def opened_revision(client, material) -> int:
    """The revision id the edit form carries, as a browser would post it back."""
    response = client.get(edit_url(material))
    return response.context["form"].initial["based_on_revision"]


def test_the_edit_form_carries_the_revision_it_was_filled_from(client, authors):
    material, owner, _co_author = authors
    client.force_login(owner)

    response = client.get(edit_url(material))

    material.refresh_from_db()
    assert f'value="{material.latest_revision_id}"' in response.content.decode()


def test_a_stale_save_by_a_co_author_is_refused_with_a_dutch_message(client, authors):
    material, owner, co_author = authors
    client.force_login(co_author)
    stale = opened_revision(client, material)
    material_save_draft(material=material, user=owner, data={"title": "Titel van de eigenaar"})

    response = client.post(
        edit_url(material), {"title": "Titel van de mede-auteur", "based_on_revision": stale}
    )

    assert response.status_code == 400
    assert CONFLICT in response.content.decode()
    assert working_copy(material).title == "Titel van de eigenaar"


def test_the_stale_editors_input_is_kept_in_the_form(client, authors):
    material, owner, co_author = authors
    client.force_login(co_author)
    stale = opened_revision(client, material)
    material_save_draft(material=material, user=owner, data={"title": "Titel van de eigenaar"})

    response = client.post(
        edit_url(material), {"title": "Titel van de mede-auteur", "based_on_revision": stale}
    )

    assert 'value="Titel van de mede-auteur"' in response.content.decode()
    assert reverse("repository:draft_changes", args=[material.pk]) in response.content.decode()


def test_saving_again_after_the_warning_keeps_both_revisions(client, authors):
    material, owner, co_author = authors
    client.force_login(co_author)
    stale = opened_revision(client, material)
    material_save_draft(material=material, user=owner, data={"title": "Titel van de eigenaar"})
    refused = client.post(
        edit_url(material), {"title": "Titel van de mede-auteur", "based_on_revision": stale}
    )
    rebased = refused.context["form"].data["based_on_revision"]

    response = client.post(
        edit_url(material), {"title": "Titel van de mede-auteur", "based_on_revision": rebased}
    )

    assert response.status_code == 302
    assert working_copy(material).title == "Titel van de mede-auteur"
    titles = [r.content["title"] for r in material.revisions.order_by("created_at", "pk")]
    assert titles[-2:] == ["Titel van de eigenaar", "Titel van de mede-auteur"]


def test_a_second_tab_of_the_same_author_is_warned_too(client, authors):
    material, owner, _co_author = authors
    client.force_login(owner)
    first_tab = opened_revision(client, material)
    client.post(
        edit_url(material), {"title": "Uit het tweede tabblad", "based_on_revision": first_tab}
    )

    response = client.post(
        edit_url(material), {"title": "Uit het eerste tabblad", "based_on_revision": first_tab}
    )

    assert response.status_code == 400
    assert working_copy(material).title == "Uit het tweede tabblad"


def test_a_file_added_meanwhile_does_not_count_as_a_conflict(client, authors):
    material, owner, co_author = authors
    client.force_login(owner)
    opened = opened_revision(client, material)
    material_add_file(
        material=material, user=co_author, upload=upload("extra.pdf"), original_name="extra.pdf"
    )

    response = client.post(
        edit_url(material), {"title": "Nieuwe titel", "based_on_revision": opened}
    )

    assert response.status_code == 302
    copy = working_copy(material)
    assert copy.title == "Nieuwe titel"
    assert len(copy.files.all()) == 2


def test_the_service_refuses_a_save_based_on_an_older_revision(authors):
    material, owner, co_author = authors
    opened = Material.objects.get(pk=material.pk).latest_revision_id
    material_save_draft(material=material, user=owner, data={"summary": "Eerst bewaard."})

    with pytest.raises(DraftConflict):
        material_save_draft(
            material=material,
            user=co_author,
            data={"summary": "Later bewaard."},
            based_on_revision_id=opened,
        )
    assert working_copy(material).summary == "Eerst bewaard."


def test_a_stranger_cannot_save_the_draft_even_with_the_right_revision(client, authors):
    material, _owner, _co_author = authors
    material.refresh_from_db()
    client.force_login(TeacherFactory())

    response = client.post(
        edit_url(material),
        {"title": "Overgenomen", "based_on_revision": material.latest_revision_id},
    )

    assert response.status_code in (403, 404)
    assert working_copy(material).title != "Overgenomen"
