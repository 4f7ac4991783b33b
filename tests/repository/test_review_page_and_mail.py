"""What review shows on the material page, re-review of edits, minor corrections, and its mail."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from repository.models import ReviewAssignment, ReviewStatus
from repository.selectors.review import current_framework
from repository.services.materials import (
    material_add_file,
    material_save_draft,
    material_submit_for_review,
)
from repository.services.review import demo_reviews_ensure
from tests.accounts.factories import ReviewerFactory, TeacherFactory
from tests.repository.factories import complete_metadata, draft_material, upload
from tests.repository.review_factories import review, submitted_material

pytestmark = pytest.mark.django_db

CERTIFICATION_WORDS = ("goedgekeurd", "keurmerk", "★", "sterren")


def reviewed_material(owner, reviewer, **kwargs):
    material = submitted_material(owner, **kwargs)
    review(material, reviewer, public_summary="Heldere opbouw, goed te gebruiken.")
    material.refresh_from_db()
    return material


def detail(client, material):
    return client.get(reverse("repository:material_detail", args=[material.pk]))


def test_the_material_page_shows_the_framework_version_reviewers_and_all_scores(client, home_page):
    reviewer = ReviewerFactory()
    material = reviewed_material(TeacherFactory(), reviewer)
    framework = current_framework()

    page = detail(client, material).content.decode()
    html = page[
        page.index('id="beoordeling"') : page.index("</section>", page.index('id="beoordeling"'))
    ]

    assert f"Beoordeeld met kwaliteitskader v{framework.version_label}" in html
    assert "door 1 beoordelaar" in html
    assert framework.url in html
    assert "Heldere opbouw, goed te gebruiken." in html
    for criterion in framework.criteria.all():
        assert criterion.code in html
    assert not any(word in html.lower() for word in CERTIFICATION_WORDS)


def test_low_scores_are_shown_too(client, home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    review(material, reviewer, score=1)

    response = detail(client, material)

    criteria = response.context["review_summary"].criteria
    assert criteria and all(c.scores == [1] for c in criteria)
    assert "1,0 van 4" in response.content.decode() or "1.0 van 4" in response.content.decode()


def test_a_material_never_reviewed_says_so(client, home_page):
    from tests.repository.factories import published_material

    material = published_material(TeacherFactory())

    assert "Niet beoordeeld" in detail(client, material).content.decode()


def test_the_review_section_takes_the_same_queries_however_many_reviewers(client, home_page):
    from tests.repository.review_factories import require_reviewers

    one = reviewed_material(TeacherFactory(), ReviewerFactory(), title="Een")
    require_reviewers(3)
    ReviewerFactory(), ReviewerFactory(), ReviewerFactory()
    three = submitted_material(TeacherFactory(), title="Drie")
    for assignment in ReviewAssignment.objects.filter(material=three, status="open"):
        review(three, assignment.reviewer)
    detail(client, one)
    with CaptureQueriesContext(connection) as with_one:
        detail(client, one)
    with CaptureQueriesContext(connection) as with_three:
        response = detail(client, three)

    assert response.context["review_summary"].reviewer_count == 3
    assert len(with_three) <= len(with_one)


def test_a_substantive_edit_needs_new_approval_and_the_published_bytes_stay_the_approved_ones(
    client, home_page
):
    owner = TeacherFactory()
    reviewer = ReviewerFactory()
    original = upload("breuken.pdf")
    approved_bytes = original.read()
    original.seek(0)
    material = reviewed_material(owner, reviewer, files=[original])
    material_add_file(
        material=material, user=owner, upload=upload("extra.pdf"), original_name="extra.pdf"
    )
    material_save_draft(
        material=material, user=owner, data={"title": "Breuken vergelijken en ordenen"}
    )

    material_submit_for_review(material=material, user=owner)

    material.refresh_from_db()
    assert material.title == "Breuken vergelijken"
    assert material.review_status == ReviewStatus.REVIEWED
    version = material.versions.get()
    assert [f.original_name for f in version.files.all()] == ["breuken.pdf"]
    served = client.get(
        reverse("repository:file_download", args=[material.pk, 1, version.files.get().pk])
    )
    assert b"".join(served.streaming_content) == approved_bytes
    assert (
        "Een nieuwe versie wordt op dit moment beoordeeld"
        in detail(client, material).content.decode()
    )

    review(material, reviewer)
    material.refresh_from_db()
    assert material.title == "Breuken vergelijken en ordenen"
    assert material.versions.count() == 2


def test_a_keywords_only_change_may_be_published_as_a_minor_correction_and_stays_reviewed(
    client, home_page
):
    owner = TeacherFactory()
    material = reviewed_material(owner, ReviewerFactory())
    material_save_draft(
        material=material,
        user=owner,
        data={"keywords": ["breuken", "ordenen"], "time_required": 45},
    )
    client.force_login(owner)

    page = client.get(reverse("repository:material_edit", args=[material.pk]))
    assert "Kleine correctie direct publiceren" in page.content.decode()
    from repository.services.review import material_publish_minor_correction

    material_publish_minor_correction(material=material, user=owner)

    material.refresh_from_db()
    assert material.versions.count() == 2
    assert material.time_required == 45
    assert material.review_status == ReviewStatus.REVIEWED
    assert not material.workflow_states.filter(status="in_progress").exists()


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Breuken vergelijken (nieuw)"},
        {"summary": "Nu ook voor groep 7."},
        {"licence": "cc-by-sa-4.0"},
    ],
)
def test_a_change_beyond_minor_metadata_is_not_offered_and_refused_as_a_minor_correction(
    client, home_page, change
):
    from django.core.exceptions import ValidationError

    from repository.services.review import material_publish_minor_correction

    owner = TeacherFactory()
    material = reviewed_material(owner, ReviewerFactory())
    material_save_draft(material=material, user=owner, data={"keywords": ["breuken"], **change})
    client.force_login(owner)

    page = client.get(reverse("repository:material_edit", args=[material.pk]))
    assert "Kleine correctie direct publiceren" not in page.content.decode()
    with pytest.raises(ValidationError):
        material_publish_minor_correction(material=material, user=owner)
    material.refresh_from_db()
    assert material.versions.count() == 1


def test_an_added_file_is_never_a_minor_correction(home_page):
    from django.core.exceptions import ValidationError

    from repository.services.review import material_publish_minor_correction

    owner = TeacherFactory()
    material = reviewed_material(owner, ReviewerFactory())
    material_add_file(
        material=material, user=owner, upload=upload("extra.pdf"), original_name="extra.pdf"
    )

    with pytest.raises(ValidationError):
        material_publish_minor_correction(material=material, user=owner)


def test_requested_changes_are_visible_in_the_authors_dashboard(client, home_page):
    owner = TeacherFactory()
    reviewer = ReviewerFactory()
    material = submitted_material(owner)
    review(material, reviewer, "changes", comments_for_author="Voeg een antwoordblad toe.")
    client.force_login(owner)

    response = client.get(reverse("repository:my_materials"))

    html = response.content.decode()
    assert "Voeg een antwoordblad toe." in html
    assert "Wat de beoordelaar vraagt" in html


def test_assignment_mail_reaches_only_the_assigned_reviewer(
    home_page, django_capture_on_commit_callbacks
):
    assigned = ReviewerFactory()
    owner = TeacherFactory()
    material = draft_material(owner)
    material_save_draft(material=material, user=owner, data=complete_metadata())
    ReviewerFactory(is_superuser=True, email="")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        material_submit_for_review(material=material, user=owner)

    assert [m.to for m in mail.outbox] == [[assigned.email]]
    assert "http://testserver/admin/beoordelingen/" in mail.outbox[0].body


@pytest.mark.parametrize(
    "recommendation,subject_part",
    [
        ("approve", "beoordeeld en gepubliceerd"),
        ("changes", "Wijzigingen gevraagd"),
        ("reject", "afgewezen"),
    ],
)
def test_decision_mail_reaches_the_owner_and_co_authors_and_nobody_else(
    home_page, django_capture_on_commit_callbacks, recommendation, subject_part
):
    reviewer = ReviewerFactory()
    owner, co_author = TeacherFactory(), TeacherFactory()
    material = draft_material(owner)
    material_save_draft(
        material=material, user=owner, data={**complete_metadata(), "co_authors": [co_author]}
    )
    material_submit_for_review(material=material, user=owner)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        review(material, reviewer, recommendation, comments_for_author="Graag een bronvermelding.")

    assert sorted(address for m in mail.outbox for address in m.to) == sorted(
        [owner.email, co_author.email]
    )
    assert all(subject_part in m.subject for m in mail.outbox)
    assert all("http://testserver/" in m.body for m in mail.outbox)


def test_overdue_reviewers_get_one_reminder_however_often_the_command_runs(
    home_page, django_capture_on_commit_callbacks
):
    reviewer = ReviewerFactory()
    on_time = ReviewerFactory()
    from tests.repository.review_factories import require_reviewers

    require_reviewers(2)
    submitted_material(TeacherFactory())
    ReviewAssignment.objects.filter(reviewer=reviewer).update(
        due_at=timezone.now() - timezone.timedelta(days=1)
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("review_send_reminders", stdout=StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("review_send_reminders", stdout=StringIO())

    assert [m.to for m in mail.outbox] == [[reviewer.email]]
    assert on_time.email not in mail.outbox[0].to


def test_demo_reviews_are_created_once(home_page):
    from tests.repository.factories import published_material

    reviewer = ReviewerFactory()
    for number in range(2):
        published_material(TeacherFactory(), title=f"Demo {number}")

    first = demo_reviews_ensure(reviewer=reviewer)
    second = demo_reviews_ensure(reviewer=reviewer)

    assert first == second == 2
