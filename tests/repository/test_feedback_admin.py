"""The editors' moderation in the Wagtail admin: reports, experiences, exports, menu and panel."""

from django.core import mail
from django.urls import reverse

import pytest

from repository.models import Feedback, Report
from repository.services.feedback import (
    feedback_public_create,
    feedback_teacher_save,
    report_create,
)
from tests.accounts.factories import EditorFactory, ReviewerFactory, TeacherFactory
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db


@pytest.fixture
def material():
    return published_material(TeacherFactory())


@pytest.fixture
def report(material):
    return report_create(
        material=material,
        reason="incorrect",
        description="Antwoord 3 klopt niet.",
        contact_email="melder@example.org",
    )


@pytest.fixture
def pending(material):
    return feedback_public_create(
        material=material, role="student", helpful="yes", comment="Fijn om mee te oefenen."
    )


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def report_detail_url(report):
    return reverse("repository_feedback_admin:report_detail", args=[report.pk])


def moderate_url(feedback):
    return reverse("repository_feedback_admin:feedback_moderate", args=[feedback.pk])


GET_URLS = [
    lambda report, feedback: reverse("repository_feedback_admin:report_list"),
    lambda report, feedback: report_detail_url(report),
    lambda report, feedback: reverse("repository_feedback_admin:feedback_list"),
    lambda report, feedback: reverse("repository_feedback_admin:exports"),
    lambda report, feedback: reverse("repository_feedback_admin:export_csv", args=["meldingen"]),
    lambda report, feedback: reverse(
        "repository_feedback_admin:export_csv", args=["beoordelingen"]
    ),
]


@pytest.mark.parametrize("who", ["anonymous", "teacher", "reviewer"])
def test_wrong_users_cannot_see_any_moderation_or_export_page(client, report, pending, who):
    if who == "teacher":
        client.force_login(TeacherFactory())
    elif who == "reviewer":
        client.force_login(ReviewerFactory())

    for url in GET_URLS:
        response = client.get(url(report, pending))

        assert response.status_code in (302, 403), url(report, pending)
        assert "csv" not in response.get("Content-Type", "")
        assert b"Antwoord 3 klopt niet." not in response.content


@pytest.mark.parametrize("who", ["anonymous", "teacher", "reviewer"])
def test_wrong_users_cannot_moderate(client, report, pending, who):
    if who == "teacher":
        client.force_login(TeacherFactory())
    elif who == "reviewer":
        client.force_login(ReviewerFactory())

    client.post(moderate_url(pending), {"action": "plaatsen"})
    client.post(report_detail_url(report), {"status": "resolved", "resolution_note": "Opgelost."})

    pending.refresh_from_db()
    report.refresh_from_db()
    assert pending.status == Feedback.Status.PENDING
    assert report.status == Report.Status.OPEN


def test_report_queue_lists_unhandled_reports_and_filters_by_reason(editor_client, material):
    report_create(material=material, reason="licence", description="Foto zonder bron.")
    report_create(material=material, reason="inaccessible", description="Geen ondertiteling.")
    url = reverse("repository_feedback_admin:report_list")

    everything = editor_client.get(url).content.decode()
    licence_only = editor_client.get(url, {"reason": "licence"}).content.decode()

    assert "2 meldingen" in everything
    assert "1 melding" in licence_only
    assert "Probleem met licentie of auteursrecht" in licence_only
    assert "Niet toegankelijk" not in licence_only


def test_report_queue_hides_handled_reports_unless_asked(editor_client, report):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RESOLVED)
    url = reverse("repository_feedback_admin:report_list")

    assert "0 meldingen" in editor_client.get(url).content.decode()
    assert "1 melding" in editor_client.get(url, {"status": "resolved"}).content.decode()


def test_report_detail_links_to_the_material(editor_client, report, material):
    html = editor_client.get(report_detail_url(report)).content.decode()

    assert f'href="{material.get_absolute_url()}"' in html
    assert "melder@example.org" in html


def test_editor_resolves_a_report_with_a_note_and_the_reporter_hears(
    editor_client, report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            report_detail_url(report),
            {"status": "resolved", "resolution_note": "Antwoord is verbeterd."},
        )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.RESOLVED
    assert report.resolution_note == "Antwoord is verbeterd."
    assert report.handled_by is not None
    assert [message.to for message in mail.outbox] == [["melder@example.org"]]


def test_closing_a_report_without_a_note_gets_a_dutch_message(editor_client, report):
    response = editor_client.post(
        report_detail_url(report), {"status": "dismissed", "resolution_note": ""}
    )

    assert response.status_code == 200
    assert "Schrijf kort wat er met de melding is gedaan." in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.OPEN


def test_handled_report_offers_no_further_change(editor_client, report):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.DISMISSED)

    html = editor_client.get(report_detail_url(report)).content.decode()
    editor_client.post(
        report_detail_url(report), {"status": "in_progress", "resolution_note": "Toch?"}
    )

    assert "Deze melding is afgehandeld." in html
    report.refresh_from_db()
    assert report.status == Report.Status.DISMISSED


def test_editor_approves_pending_feedback_which_then_shows_on_the_material(
    editor_client, pending, material
):
    queue = editor_client.get(reverse("repository_feedback_admin:feedback_list")).content.decode()
    response = editor_client.post(moderate_url(pending), {"action": "plaatsen"})

    assert "Fijn om mee te oefenen." in queue
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Feedback.Status.APPROVED
    assert pending.moderated_by is not None
    page = editor_client.get(material.get_absolute_url()).content.decode()
    assert "Fijn om mee te oefenen." in page


def test_editor_hides_teacher_feedback(editor_client, material):
    feedback = feedback_teacher_save(
        material=material,
        author=TeacherFactory(),
        outcome=1,
        would_use_again="no",
        comment="Ongepaste opmerking.",
    )

    editor_client.post(moderate_url(feedback), {"action": "afwijzen"})

    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.REJECTED
    assert (
        "Ongepaste opmerking."
        not in editor_client.get(material.get_absolute_url()).content.decode()
    )


def test_unknown_moderation_action_is_not_found(editor_client, pending):
    response = editor_client.post(moderate_url(pending), {"action": "verwijderen"})

    assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.status == Feedback.Status.PENDING


def test_editors_see_the_menu_and_the_dashboard_panel(editor_client, report, pending):
    html = editor_client.get("/admin/").content.decode()

    assert reverse("repository_feedback_admin:report_list") in html
    assert "1 melding nog niet afgehandeld" in html
    assert "1 ervaring wacht op controle" in html


def test_reviewers_see_neither_menu_nor_panel(client, report, pending):
    client.force_login(ReviewerFactory())

    html = client.get("/admin/").content.decode()

    assert reverse("repository_feedback_admin:report_list") not in html
    assert "nog niet afgehandeld" not in html
