import hashlib
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages

import pytest

from repository import demo_files
from repository.filetypes import FileRefused
from repository.models import Material, StoredFile
from repository.services.files import stored_file_create, stored_file_take_down
from repository.services.materials import (
    SubmissionIncomplete,
    material_add_file,
    material_publish,
    material_save_draft,
    material_submit_for_review,
    material_withdraw,
    working_copy,
)
from tests.accounts.factories import TeacherFactory, UserFactory
from tests.repository.factories import complete_metadata, draft_material, upload

pytestmark = pytest.mark.django_db


def stored_bytes(stored_file: StoredFile) -> bytes:
    with storages["materials"].open(stored_file.storage_name) as handle:
        return handle.read()


def test_html_renamed_to_pdf_is_refused_in_dutch_and_nothing_is_stored():
    html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"

    with pytest.raises(FileRefused, match="eigenlijk een webpagina"):
        stored_file_create(upload=upload("les.pdf", html), original_name="les.pdf")

    assert StoredFile.objects.count() == 0
    location = Path(storages["materials"].location)
    assert not location.exists() or not any(location.rglob("*.*"))


def test_pdf_with_a_docx_name_is_refused_with_the_right_extension_named():
    with pytest.raises(FileRefused, match=r"\.pdf"):
        stored_file_create(upload=upload("les.docx"), original_name="les.docx")


def test_type_comes_from_the_bytes_not_from_the_browser():
    stored = stored_file_create(upload=upload("les.pdf"), original_name="les.pdf")

    assert stored.mime_type == "application/pdf"
    assert stored.storage_name.endswith(f"{stored.sha256}.pdf")


def test_same_bytes_uploaded_twice_are_stored_once():
    data = demo_files.pdf_bytes("Dezelfde les")

    first = stored_file_create(upload=upload("a.pdf", data), original_name="a.pdf")
    second = stored_file_create(upload=upload("b.pdf", data), original_name="b.pdf")

    assert first.pk == second.pk
    assert StoredFile.objects.count() == 1
    assert first.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("name", "data", "mime_type"),
    [
        (
            "les.odt",
            demo_files.odt_bytes("Les", ["Tekst"]),
            "application/vnd.oasis.opendocument.text",
        ),
        (
            "les.docx",
            demo_files.docx_bytes("Les", ["Tekst"]),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("plaat.png", demo_files.png_bytes("Plaat"), "image/png"),
        ("foto.jpg", demo_files.jpeg_bytes("Foto"), "image/jpeg"),
        ("uitspraak.wav", demo_files.wav_bytes(0.2), "audio/x-wav"),
        ("notities.md", b"# Notities\n\nTekst.\n", "text/plain"),
        ("quiz.h5p", demo_files.h5p_bytes("Quiz"), "application/h5p+zip"),
    ],
)
def test_allowed_kinds_are_stored_with_their_detected_type(name, data, mime_type):
    stored = stored_file_create(upload=upload(name, data), original_name=name)

    assert stored.mime_type == mime_type
    assert stored_bytes(stored) == data


def test_word_document_with_macros_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO(demo_files.docx_bytes("Les", ["Tekst"]))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"\x00macro")

    with pytest.raises(FileRefused, match="macro"):
        stored_file_create(upload=upload("les.docx", buffer.getvalue()), original_name="les.docx")


def test_zip_with_a_program_inside_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", "<html></html>")
        archive.writestr("setup.exe", b"MZ\x90\x00")

    with pytest.raises(FileRefused, match="exe"):
        stored_file_create(upload=upload("site.zip", buffer.getvalue()), original_name="site.zip")


def test_file_over_the_size_limit_is_refused(settings):
    settings.NLKA_MAX_UPLOAD_BYTES = 100

    with pytest.raises(FileRefused, match="te groot"):
        stored_file_create(upload=upload("les.pdf"), original_name="les.pdf")


def test_empty_file_is_refused():
    with pytest.raises(FileRefused, match="leeg"):
        stored_file_create(upload=upload("leeg.txt", b""), original_name="leeg.txt")


def test_draft_needs_only_a_title_and_a_file():
    material = draft_material(TeacherFactory())

    assert not material.live
    assert material.latest_revision is not None
    assert [f.original_name for f in material.files.all()] == ["breuken.pdf"]


def test_submitting_an_incomplete_draft_names_each_missing_field():
    teacher = TeacherFactory()
    material = draft_material(teacher)

    with pytest.raises(SubmissionIncomplete) as refused:
        material_submit_for_review(material=material, user=teacher)

    assert set(refused.value.errors) == {"summary", "levels", "subjects"}
    assert "onderwijsniveau" in refused.value.errors["levels"]


def test_complete_draft_goes_into_review():
    teacher = TeacherFactory()
    material = draft_material(teacher)
    material_save_draft(material=material, user=teacher, data=complete_metadata())

    state = material_submit_for_review(material=material, user=teacher)

    material.refresh_from_db()
    assert state.status == "in_progress"
    assert material.workflow_in_progress
    assert not material.live


def test_publication_creates_version_one_with_its_files():
    teacher = TeacherFactory()
    material = draft_material(teacher)
    material_save_draft(material=material, user=teacher, data=complete_metadata())

    version = material_publish(material=material, user=teacher)

    material.refresh_from_db()
    assert material.live
    assert version.number == 1
    assert [f.original_name for f in version.files.all()] == ["breuken.pdf"]


def test_version_one_keeps_identical_bytes_after_a_new_version():
    teacher = TeacherFactory()
    material = draft_material(teacher)
    material_save_draft(material=material, user=teacher, data=complete_metadata())
    v1 = material_publish(material=material, user=teacher)
    v1_file = v1.files.get()
    v1_hash = hashlib.sha256(stored_bytes(v1_file.stored_file)).hexdigest()

    material_add_file(
        material=material,
        user=teacher,
        upload=upload("antwoorden.pdf", demo_files.pdf_bytes("Antwoorden")),
        original_name="antwoorden.pdf",
    )
    material_save_draft(material=material, user=teacher, data={"change_note": "Antwoorden erbij"})
    v2 = material_publish(material=material, user=teacher)

    assert v2.number == 2
    assert v2.change_note == "Antwoorden erbij"
    assert v2.files.count() == 2
    assert v1.files.count() == 1
    assert hashlib.sha256(stored_bytes(v1_file.stored_file)).hexdigest() == v1_hash
    assert v1_hash == v1_file.stored_file.sha256


def test_editing_a_published_material_changes_the_draft_not_the_live_version():
    teacher = TeacherFactory()
    material = draft_material(teacher, title="Oude titel")
    material_save_draft(material=material, user=teacher, data=complete_metadata())
    material_publish(material=material, user=teacher)

    material_save_draft(material=material, user=teacher, data={"title": "Nieuwe titel"})

    material.refresh_from_db()
    assert material.title == "Oude titel"
    assert material.has_unpublished_changes
    assert working_copy(material).title == "Nieuwe titel"


def test_another_teacher_cannot_change_or_withdraw_the_material():
    material = draft_material(TeacherFactory())
    stranger = TeacherFactory()

    with pytest.raises(PermissionDenied):
        material_save_draft(material=material, user=stranger, data={"title": "Gekaapt"})
    with pytest.raises(PermissionDenied):
        material_add_file(material=material, user=stranger, upload=upload(), original_name="x.pdf")
    with pytest.raises(PermissionDenied):
        material_withdraw(material=material, user=stranger)
    with pytest.raises(PermissionDenied):
        material_submit_for_review(material=material, user=stranger)

    material.refresh_from_db()
    assert material.title == "Breuken vergelijken"
    assert not material.is_withdrawn


def test_co_author_may_edit():
    owner = TeacherFactory()
    co_author = TeacherFactory()
    material = draft_material(owner)
    material_save_draft(material=material, user=owner, data={"co_authors": [co_author]})

    material_save_draft(material=material, user=co_author, data={"title": "Samen gemaakt"})

    assert working_copy(material).title == "Samen gemaakt"


def test_withdrawn_material_goes_offline_but_versions_keep_their_files():
    teacher = TeacherFactory()
    material = draft_material(teacher)
    material_save_draft(material=material, user=teacher, data=complete_metadata())
    version = material_publish(material=material, user=teacher)

    material_withdraw(material=material, user=teacher, reason="Verouderd")

    material.refresh_from_db()
    assert material.is_withdrawn and not material.live
    assert Material.objects.published().count() == 0
    assert stored_bytes(version.files.get().stored_file).startswith(b"%PDF")


def test_takedown_removes_the_bytes_and_records_who_and_why(django_capture_on_commit_callbacks):
    admin = UserFactory(is_superuser=True)
    stored = stored_file_create(upload=upload(), original_name="les.pdf")

    with django_capture_on_commit_callbacks(execute=True):
        stored_file_take_down(stored_file=stored, user=admin, reason="Inbreuk op auteursrecht")

    stored.refresh_from_db()
    assert stored.is_removed and stored.removed_by == admin
    assert not storages["materials"].exists(stored.storage_name)


def test_teacher_cannot_take_files_down():
    stored = stored_file_create(upload=upload(), original_name="les.pdf")

    with pytest.raises(PermissionDenied):
        stored_file_take_down(stored_file=stored, user=TeacherFactory(), reason="Weg ermee")

    assert storages["materials"].exists(stored.storage_name)


def test_taken_down_bytes_cannot_be_uploaded_again(django_capture_on_commit_callbacks):
    admin = UserFactory(is_superuser=True)
    stored = stored_file_create(upload=upload(), original_name="les.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        stored_file_take_down(stored_file=stored, user=admin, reason="Inbreuk")

    with pytest.raises(FileRefused, match="verwijderd"):
        stored_file_create(upload=upload(), original_name="les.pdf")
