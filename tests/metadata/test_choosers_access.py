"""Admin choosers list only what the person choosing may see."""

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest

from repository.models import Material
from tests.accounts.factories import EditorFactory, ReviewerFactory, TeacherFactory
from tests.repository.factories import draft_material, published_material

pytestmark = pytest.mark.django_db

CHOOSE = "wagtailsnippetchoosers_repository_material:choose"
RESULTS = "wagtailsnippetchoosers_repository_material:choose_results"
CHOSEN = "wagtailsnippetchoosers_repository_material:chosen"


@pytest.fixture
def materials():
    author = TeacherFactory()
    return {
        "published": published_material(author, title="Gepubliceerde breuken"),
        "draft": draft_material(author, title="Geheim concept over breuken"),
    }


def chooser_text(client, user, name=CHOOSE, **params) -> str:
    client.force_login(user)
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response.content.decode()


def test_an_editor_sees_published_materials_but_not_a_teachers_draft_in_the_chooser(
    client, materials
):
    text = chooser_text(client, EditorFactory())

    assert "Gepubliceerde breuken" in text
    assert "Geheim concept" not in text


def test_searching_the_material_chooser_leaves_out_drafts(client, materials):
    text = chooser_text(client, EditorFactory(), RESULTS, q="breuken")

    assert "Gepubliceerde breuken" in text
    assert "Geheim concept" not in text


def test_a_reviewer_does_not_see_drafts_in_the_material_chooser(client, materials):
    assert "Geheim concept" not in chooser_text(client, ReviewerFactory())


def test_choosing_a_draft_by_its_id_is_not_found(client, materials):
    client.force_login(EditorFactory())

    response = client.get(reverse(CHOSEN, args=[materials["draft"].pk]))

    assert response.status_code == 404


def test_choosing_a_published_material_by_its_id_works(client, materials):
    client.force_login(EditorFactory())

    response = client.get(reverse(CHOSEN, args=[materials["published"].pk]))

    assert response.status_code == 200
    assert "Gepubliceerde breuken" in response.content.decode()


def test_a_material_in_the_bin_is_not_offered(client, materials):
    Material.objects.filter(pk=materials["published"].pk).update(deleted_at=timezone.now())

    assert "Gepubliceerde breuken" not in chooser_text(client, EditorFactory())


def test_the_chooser_offers_the_choosers_own_draft(client):
    # Someone who is both teacher and editor may link a page to their own draft.
    editor = EditorFactory(roles=["Editors", "Teachers"])
    draft_material(editor, title="Mijn eigen concept")

    assert "Mijn eigen concept" in chooser_text(client, editor)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/choose/repository/material/",
        "/admin/documents/chooser/",
        "/admin/choose-page/",
        "/admin/images/chooser/",
    ],
)
def test_a_teacher_without_admin_access_cannot_open_any_chooser(client, url):
    client.force_login(TeacherFactory())

    response = client.get(url)

    assert response.status_code in (302, 403)
    assert "Geheim" not in response.content.decode()


def test_a_reviewer_lists_no_documents_in_the_document_chooser(client):
    get_document_model().objects.create(
        title="Vertrouwelijk verslag stuurgroep",
        file=ContentFile(b"%PDF-1.4 vertrouwelijk", name="verslag.pdf"),
    )

    text = chooser_text(client, ReviewerFactory(), "wagtaildocs_chooser:choose")

    assert "Vertrouwelijk verslag" not in text


def test_an_editor_lists_documents_in_the_document_chooser(client):
    # The counterpart of the test above: editors manage documents, so they do see them.
    get_document_model().objects.create(
        title="Jaarverslag",
        file=ContentFile(b"%PDF-1.4 jaarverslag", name="jaarverslag.pdf"),
    )

    assert "Jaarverslag" in chooser_text(client, EditorFactory(), "wagtaildocs_chooser:choose")
