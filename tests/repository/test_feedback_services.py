"""Feedback and report services: who may write what, and who hears about it by e-mail."""

from django.core import mail
from django.core.exceptions import PermissionDenied

import pytest

from repository.models import Feedback, Report
from repository.services.feedback import (
    demo_feedback_ensure,
    feedback_moderate,
    feedback_public_create,
    feedback_teacher_save,
    report_create,
    report_handle,
)
from tests.accounts.factories import EditorFactory, ReviewerFactory, TeacherFactory, UserFactory
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db


@pytest.fixture
def material():
    owner = TeacherFactory(email="eigenaar@school.example")
    material = published_material(owner)
    material.co_authors.add(
        TeacherFactory(email="mede1@school.example"), TeacherFactory(email="mede2@school.example")
    )
    material.save()
    return material


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_new_teacher_feedback_mails_exactly_the_owner_and_co_authors(
    material, django_capture_on_commit_callbacks
):
    TeacherFactory(email="buitenstaander@school.example")

    with django_capture_on_commit_callbacks(execute=True):
        feedback_teacher_save(
            material=material,
            author=TeacherFactory(email="collega@school.example"),
            outcome=4,
            would_use_again="yes",
            comment="Mijn klas vond het geweldig.",
        )

    assert recipients() == [
        "eigenaar@school.example",
        "mede1@school.example",
        "mede2@school.example",
    ]
    assert all(len(message.to) == 1 and not message.cc for message in mail.outbox)
    assert "Breuken vergelijken" in mail.outbox[0].subject
    assert "Mijn klas vond het geweldig." in mail.outbox[0].body
    assert f"http://testserver/leermiddelen/{material.pk}/#ervaringen" in mail.outbox[0].body
    assert "collega@school.example" not in mail.outbox[0].body


def test_editing_earlier_teacher_feedback_sends_no_new_mail(
    material, django_capture_on_commit_callbacks
):
    teacher = TeacherFactory()
    feedback_teacher_save(material=material, author=teacher, outcome=3, would_use_again="yes")

    with django_capture_on_commit_callbacks(execute=True):
        feedback_teacher_save(material=material, author=teacher, outcome=4, would_use_again="yes")

    assert mail.outbox == []


def test_student_feedback_mails_the_authors_only_once_approved(
    material, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        feedback = feedback_public_create(material=material, role="student", helpful="yes")
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        feedback_moderate(feedback=feedback, moderator=EditorFactory(), status="approved")

    assert recipients() == [
        "eigenaar@school.example",
        "mede1@school.example",
        "mede2@school.example",
    ]


def test_rejected_student_feedback_mails_nobody(material, django_capture_on_commit_callbacks):
    feedback = feedback_public_create(material=material, role="parent", helpful="no")

    with django_capture_on_commit_callbacks(execute=True):
        feedback_moderate(feedback=feedback, moderator=EditorFactory(), status="rejected")

    assert mail.outbox == []
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.REJECTED


@pytest.mark.parametrize("factory", [TeacherFactory, ReviewerFactory])
def test_only_editors_moderate_feedback(material, factory):
    feedback = feedback_public_create(material=material, role="student", helpful="yes")

    with pytest.raises(PermissionDenied):
        feedback_moderate(feedback=feedback, moderator=factory(), status="approved")


def test_teacher_cannot_give_feedback_on_own_material_through_the_service(material):
    with pytest.raises(PermissionDenied):
        feedback_teacher_save(
            material=material, author=material.owner, outcome=4, would_use_again="yes"
        )


def test_one_teacher_experience_per_version(material):
    teacher = TeacherFactory()
    first = feedback_teacher_save(
        material=material, author=teacher, outcome=3, would_use_again="no"
    )
    again = feedback_teacher_save(
        material=material, author=teacher, outcome=4, would_use_again="yes"
    )

    assert first.pk == again.pk
    assert Feedback.objects.count() == 1


def test_moderation_resolves_a_report_and_mails_the_reporter(
    material, django_capture_on_commit_callbacks
):
    report = report_create(
        material=material,
        reason="inaccessible",
        description="De afbeeldingen hebben geen alt-tekst.",
        contact_email="melder@example.org",
    )
    editor = EditorFactory()

    report_handle(report=report, handler=editor, status="in_progress")
    with django_capture_on_commit_callbacks(execute=True):
        report_handle(
            report=report,
            handler=editor,
            status="resolved",
            resolution_note="De auteur heeft alt-teksten toegevoegd.",
        )

    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED
    assert report.resolution_note == "De auteur heeft alt-teksten toegevoegd."
    assert report.handled_by == editor
    assert report.handled_at is not None
    assert recipients() == ["melder@example.org"]
    assert "De auteur heeft alt-teksten toegevoegd." in mail.outbox[0].body
    assert "Het probleem is opgelost." in mail.outbox[0].body


def test_taking_a_report_in_progress_mails_nobody(material, django_capture_on_commit_callbacks):
    report = report_create(
        material=material, reason="other", description="?", contact_email="melder@example.org"
    )

    with django_capture_on_commit_callbacks(execute=True):
        report_handle(report=report, handler=EditorFactory(), status="in_progress")

    assert mail.outbox == []


def test_closing_a_report_without_an_address_mails_nobody(
    material, django_capture_on_commit_callbacks
):
    report = report_create(material=material, reason="licence", description="Foto van internet.")

    with django_capture_on_commit_callbacks(execute=True):
        report_handle(
            report=report,
            handler=EditorFactory(),
            status="dismissed",
            resolution_note="Eigen foto.",
        )

    assert mail.outbox == []


def test_closed_report_cannot_be_reopened(material):
    report = report_create(material=material, reason="other", description="Iets")
    editor = EditorFactory()
    report_handle(report=report, handler=editor, status="dismissed", resolution_note="Geen actie.")

    with pytest.raises(PermissionDenied):
        report_handle(report=report, handler=editor, status="in_progress")


@pytest.mark.parametrize("factory", [TeacherFactory, ReviewerFactory, UserFactory])
def test_only_editors_handle_reports(material, factory):
    report = report_create(material=material, reason="other", description="Iets")

    with pytest.raises(PermissionDenied):
        report_handle(report=report, handler=factory(), status="in_progress")


def test_demo_feedback_is_idempotent(material):
    teachers = [TeacherFactory(), TeacherFactory()]
    editor = EditorFactory()

    first = demo_feedback_ensure(teachers=teachers, editor=editor)
    second = demo_feedback_ensure(teachers=teachers, editor=editor)

    assert first == second > 0
    assert Feedback.objects.filter(role="teacher").count() == 2
    assert Feedback.objects.filter(status="approved", role__in=["student", "parent"]).exists()
    assert Report.objects.count() == 1
