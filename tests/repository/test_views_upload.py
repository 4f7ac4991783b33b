"""Uploading files starts a draft; more files go to the material's own endpoint."""

from pathlib import Path

from django.core.files.storage import storages
from django.urls import reverse

import pytest

from accounts.roles import EDITORS
from metadata.models import Concept
from metadata.services import vocabularies_load_builtin
from repository import demo_files
from repository.models import Material, StoredFile
from repository.services.materials import working_copy
from repository.views.upload import title_from_filename
from tests.accounts.factories import ReviewerFactory, TeacherFactory, UserFactory
from tests.repository.factories import draft_material, published_material, upload

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("repository:material_upload")
JSON = {"HTTP_ACCEPT": "application/json"}
HTML_AS_PDF = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def add_url(material) -> str:
    return reverse("repository:material_file_add", args=[material.pk])


def nothing_stored() -> bool:
    location = Path(storages["materials"].location)
    no_blobs = not location.exists() or not any(path.is_file() for path in location.rglob("*"))
    return no_blobs and not StoredFile.objects.exists()


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(UPLOAD_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_user_without_the_teacher_role_gets_a_clear_dutch_refusal(client):
    client.force_login(UserFactory(roles=[EDITORS]))

    response = client.get(UPLOAD_URL)

    assert response.status_code == 403
    assert "Alleen leraren kunnen leermiddelen delen" in response.content.decode()


def test_user_without_the_teacher_role_cannot_post_files_either(client):
    client.force_login(UserFactory())

    response = client.post(UPLOAD_URL, {"files": [upload()]})

    assert response.status_code == 403
    assert not Material.objects.exists()


def test_upload_page_works_as_a_plain_labelled_multiple_file_form(client):
    client.force_login(TeacherFactory())

    response = client.get(UPLOAD_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html
    assert 'method="post"' in html
    assert '<label class="dropzone__label" for="id_files">' in html
    assert 'type="file" name="files"' in html
    assert "multiple" in html
    assert 'aria-describedby="id_files_helptext"' in html
    assert 'aria-live="polite"' in html
    assert "js/uploader.js" in html


def test_posting_files_without_javascript_creates_a_draft_and_opens_the_form(client):
    teacher = TeacherFactory()
    client.force_login(teacher)
    answers = upload("antwoorden.pdf", demo_files.pdf_bytes("Antwoorden"))

    response = client.post(UPLOAD_URL, {"files": [upload("breuken_groep-6.pdf"), answers]})

    material = Material.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("repository:material_edit", args=[material.pk])
    assert material.owner == teacher
    assert material.title == "breuken groep 6"
    assert not material.live
    assert [f.original_name for f in working_copy(material).files.all()] == [
        "breuken_groep-6.pdf",
        "antwoorden.pdf",
    ]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("breuken_groep-6.pdf", "breuken groep 6"),
        ("Les 3 -- de  Gouden_Eeuw.docx", "Les 3 de Gouden Eeuw"),
        ("zonder-extensie", "zonder extensie"),
        ("archief.tar.gz", "archief.tar"),
        (".pdf", ".pdf"),
        ("___.pdf", "Naamloos leermiddel"),
    ],
)
def test_title_comes_from_the_file_name_without_extension_or_underscores(name, title):
    assert title_from_filename(name) == title


def test_new_draft_is_prefilled_with_the_teachers_levels_and_subjects(client):
    vocabularies_load_builtin()
    teacher = TeacherFactory()
    havo = Concept.objects.get(scheme__slug="levels", notation="havo")
    biology = Concept.objects.get(scheme__slug="subjects", notation="bio")
    teacher.expertise_levels.add(havo)
    teacher.expertise_subjects.add(biology)
    client.force_login(teacher)

    client.post(UPLOAD_URL, {"files": [upload()]})

    draft = working_copy(Material.objects.get())
    assert list(draft.levels.all()) == [havo]
    assert list(draft.subjects.all()) == [biology]
    assert draft.language == "nl"


def test_html_renamed_to_pdf_is_refused_in_dutch_and_nothing_is_stored(client):
    client.force_login(TeacherFactory())

    response = client.post(UPLOAD_URL, {"files": [upload("les.pdf", HTML_AS_PDF)]})

    assert response.status_code == 400
    assert "eigenlijk een webpagina" in response.content.decode()
    assert 'aria-describedby="id_files_helptext id_files_error"' in response.content.decode()
    assert not Material.objects.exists()
    assert nothing_stored()


def test_html_renamed_to_pdf_is_refused_with_json_for_the_script(client):
    client.force_login(TeacherFactory())

    response = client.post(UPLOAD_URL, {"files": [upload("les.pdf", HTML_AS_PDF)]}, **JSON)

    assert response.status_code == 400
    assert "eigenlijk een webpagina" in response.json()["errors"][0]
    assert not Material.objects.exists()
    assert nothing_stored()


def test_a_refused_file_does_not_stop_the_others(client):
    client.force_login(TeacherFactory())

    response = client.post(
        UPLOAD_URL, {"files": [upload("les.pdf", HTML_AS_PDF), upload("werkblad.pdf")]}
    )

    material = Material.objects.get()
    assert material.title == "werkblad"
    assert [f.original_name for f in working_copy(material).files.all()] == ["werkblad.pdf"]
    followed = client.get(response.url)
    assert "eigenlijk een webpagina" in followed.content.decode()


def test_posting_without_files_asks_for_a_file(client):
    client.force_login(TeacherFactory())

    response = client.post(UPLOAD_URL, {})

    assert response.status_code == 400
    assert "Kies minstens één bestand." in response.content.decode()
    assert not Material.objects.exists()


def test_script_upload_creates_the_draft_and_answers_with_its_urls(client):
    client.force_login(TeacherFactory())

    response = client.post(UPLOAD_URL, {"files": [upload("breuken.pdf")]}, **JSON)

    material = Material.objects.get()
    body = response.json()
    assert response.status_code == 201
    assert body["material"]["edit_url"] == reverse("repository:material_edit", args=[material.pk])
    assert body["material"]["add_file_url"] == add_url(material)
    assert body["files"][0]["name"] == "breuken.pdf"
    assert body["errors"] == []


def test_large_file_is_streamed_through_a_temporary_file(client, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    client.force_login(TeacherFactory())
    big = demo_files.png_bytes("Groot", size=(1600, 1200))
    assert len(big) > 1024

    response = client.post(UPLOAD_URL, {"files": [upload("plaat.png", big)]}, **JSON)

    assert response.status_code == 201
    assert StoredFile.objects.get().size == len(big)


def test_extra_file_is_added_to_the_draft_with_json(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.post(
        add_url(material),
        {"files": [upload("antwoorden.pdf", demo_files.pdf_bytes("Antwoorden"))]},
        **JSON,
    )

    assert response.status_code == 201
    described = response.json()["files"][0]
    assert described["name"] == "antwoorden.pdf"
    assert "data-file-row" in described["row_html"]
    assert [f.original_name for f in working_copy(material).files.all()] == [
        "breuken.pdf",
        "antwoorden.pdf",
    ]


def test_refused_extra_file_answers_400_with_the_dutch_message(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.post(add_url(material), {"files": [upload("les.pdf", HTML_AS_PDF)]}, **JSON)

    assert response.status_code == 400
    assert "eigenlijk een webpagina" in response.json()["errors"][0]
    assert working_copy(material).files.count() == 1


def test_extra_file_without_javascript_returns_to_the_form_with_a_message(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    response = client.post(
        add_url(material), {"files": [upload("les.pdf", HTML_AS_PDF)]}, follow=True
    )

    assert response.redirect_chain[-1][0].endswith("#bestanden")
    assert "eigenlijk een webpagina" in response.content.decode()


def test_adding_a_file_needs_a_post(client):
    teacher = TeacherFactory()
    client.force_login(teacher)

    assert client.get(add_url(draft_material(teacher))).status_code == 405


def test_another_teacher_cannot_add_a_file_to_someone_elses_draft(client):
    material = draft_material(TeacherFactory())
    client.force_login(TeacherFactory())

    response = client.post(add_url(material), {"files": [upload("kaping.pdf")]}, **JSON)

    assert response.status_code == 404
    assert working_copy(material).files.count() == 1


def test_another_teacher_cannot_add_a_version_to_someone_elses_published_material(client):
    material = published_material(TeacherFactory())
    client.force_login(TeacherFactory())

    response = client.post(add_url(material), {"files": [upload("kaping.pdf")]})

    assert response.status_code == 403
    assert working_copy(material).files.count() == 1


def test_reviewer_cannot_add_files_to_a_draft(client):
    material = draft_material(TeacherFactory())
    client.force_login(ReviewerFactory())

    response = client.post(add_url(material), {"files": [upload("kaping.pdf")]})

    assert response.status_code == 404


def test_anonymous_post_of_a_file_is_sent_to_log_in(client):
    material = draft_material(TeacherFactory())

    response = client.post(add_url(material), {"files": [upload("kaping.pdf")]})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert working_copy(material).files.count() == 1
