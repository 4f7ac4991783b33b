"""Review workflow: assignment, decisions through the rubric, and what each decision does."""

from django.core.exceptions import PermissionDenied, ValidationError

from wagtail.models import WorkflowState

import pytest

from metadata.models import Concept
from repository.models import Review, ReviewAssignment, ReviewStatus, StoredFile
from repository.selectors.review import current_framework
from repository.services.materials import (
    material_save_draft,
    material_submit_for_review,
    working_copy,
)
from repository.services.review import (
    ReviewOutdated,
    ReviewRefused,
    review_claim,
    review_declare_conflict,
    review_submit,
)
from tests.accounts.factories import ReviewerFactory, TeacherFactory
from tests.repository.factories import complete_metadata, draft_material
from tests.repository.review_factories import (
    require_reviewers,
    review,
    rubric_scores,
    submitted_material,
    workflow_status,
)

pytestmark = pytest.mark.django_db


def open_reviewers(material) -> set:
    return set(
        ReviewAssignment.objects.filter(
            material=material, status=ReviewAssignment.Status.OPEN
        ).values_list("reviewer", flat=True)
    )


def test_submission_assigns_a_reviewer_due_in_review_days_and_marks_it_in_review(home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())

    assignment = ReviewAssignment.objects.get(material=material)
    assert assignment.reviewer == reviewer
    assert assignment.source == ReviewAssignment.Source.AUTOMATIC
    assert (assignment.due_at - assignment.assigned_at).days in (13, 14)
    assert material.review_status == ReviewStatus.IN_REVIEW


def test_assignment_never_picks_an_author_or_a_reviewer_with_a_conflict(home_page):
    owner = ReviewerFactory()
    co_author = ReviewerFactory()
    conflicted = ReviewerFactory()
    material = draft_material(owner)
    material.co_authors.add(co_author)
    material.save_revision(user=owner)
    review_declare_conflict(material=material, user=conflicted, reason="Collega")
    eligible = ReviewerFactory()
    require_reviewers(3)

    material_save_draft(material=material, user=owner, data=complete_metadata())
    material_submit_for_review(material=material, user=owner)

    assert open_reviewers(material) == {eligible.pk}


def test_assignment_prefers_expertise_and_then_the_lightest_load(home_page):
    busy_expert = ReviewerFactory()
    idle_expert = ReviewerFactory()
    ReviewerFactory()  # idle, but no expertise in arithmetic
    arithmetic = Concept.objects.filter(scheme__slug="subjects", notation="rw")
    for expert in (busy_expert, idle_expert):
        expert.expertise_subjects.set(arithmetic)
    earlier = submitted_material(TeacherFactory(), title="Eerder")
    assert open_reviewers(earlier) == {idle_expert.pk} or open_reviewers(earlier) == {
        busy_expert.pk
    }
    first_pick = open_reviewers(earlier).pop()

    material = submitted_material(TeacherFactory())

    assert open_reviewers(material) == {({busy_expert.pk, idle_expert.pk} - {first_pick}).pop()}


def test_with_too_few_reviewers_the_rest_waits_in_the_queue_to_be_claimed(home_page):
    require_reviewers(2)
    assigned = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    assert open_reviewers(material) == {assigned.pk}
    newcomer = ReviewerFactory()

    assignment = review_claim(material=material, user=newcomer)

    assert assignment.source == ReviewAssignment.Source.CLAIMED
    assert open_reviewers(material) == {assigned.pk, newcomer.pk}
    with pytest.raises(ReviewRefused):
        review_claim(material=material, user=ReviewerFactory())


def test_with_two_reviewers_required_one_approval_does_not_publish_and_the_second_does(
    home_page,
):
    require_reviewers(2)
    first, second = ReviewerFactory(), ReviewerFactory()
    material = submitted_material(TeacherFactory())

    review(material, first)
    material.refresh_from_db()
    assert not material.live
    assert material.review_status == ReviewStatus.IN_REVIEW
    assert workflow_status(material) == WorkflowState.STATUS_IN_PROGRESS

    review(material, second)
    material.refresh_from_db()
    assert material.live
    assert material.versions.count() == 1
    assert material.review_status == ReviewStatus.REVIEWED
    assert workflow_status(material) == WorkflowState.STATUS_APPROVED


def test_changes_send_it_back_and_resubmission_continues_with_the_same_reviewer(
    home_page,
):
    reviewer = ReviewerFactory()
    owner = TeacherFactory()
    material = submitted_material(owner)

    review(material, reviewer, "changes", comments_for_author="Voeg een antwoordblad toe.")
    material.refresh_from_db()
    assert material.review_status == ReviewStatus.CHANGES_REQUESTED
    assert workflow_status(material) == WorkflowState.STATUS_NEEDS_CHANGES
    ReviewerFactory()  # a newcomer does not take over the continued review

    material_submit_for_review(material=material, user=owner)

    material.refresh_from_db()
    assert material.review_status == ReviewStatus.IN_REVIEW
    assert open_reviewers(material) == {reviewer.pk}
    review(material, reviewer)
    material.refresh_from_db()
    assert material.live


def test_rejecting_cancels_the_review_and_records_the_reason(home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())

    review(material, reviewer, "reject", comments_for_author="Dit is geen leermiddel.")

    material.refresh_from_db()
    assert not material.live
    assert material.review_status == ReviewStatus.REJECTED
    assert workflow_status(material) == WorkflowState.STATUS_CANCELLED
    assert Review.objects.get(material=material).comments_for_author == "Dit is geen leermiddel."


def test_changes_or_rejection_without_comments_for_the_author_are_refused(home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())

    with pytest.raises(ValidationError) as invalid:
        review(material, reviewer, "changes")

    assert "comments_for_author" in invalid.value.message_dict
    assert not Review.objects.exists()


def test_each_review_records_the_framework_version_and_the_revision_reviewed(home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    reviewed_revision = material.latest_revision_id

    saved = review(material, reviewer)

    framework = current_framework()
    assert saved.framework_id == framework.pk
    assert saved.framework_version == framework.version_label
    assert saved.revision_id == reviewed_revision
    assert saved.scores.count() == framework.criteria.count()
    assert {s.criterion_code for s in saved.scores.all()} == {
        c.code for c in framework.criteria.all()
    }


def test_not_applicable_is_stored_as_an_empty_score(home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())

    saved = review(material, reviewer, score=None)

    assert set(saved.scores.values_list("score", flat=True)) == {None}


def test_a_review_of_an_outdated_draft_is_refused(home_page):
    reviewer = ReviewerFactory()
    owner = TeacherFactory()
    material = submitted_material(owner)
    opened = material.latest_revision_id
    material.save_revision(user=owner)

    with pytest.raises(ReviewOutdated):
        review_submit(
            material=material,
            user=reviewer,
            revision_id=opened,
            recommendation="approve",
            scores=rubric_scores(),
        )


def test_reviews_survive_the_deletion_of_the_reviewers_account_anonymised(home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    saved = review(material, reviewer, public_summary="Helder en bruikbaar.")

    reviewer.delete()

    saved.refresh_from_db()
    assert saved.reviewer is None
    assert saved.public_summary == "Helder en bruikbaar."
    assert saved.scores.count() > 0


def test_wagtails_own_approve_and_request_changes_actions_cannot_bypass_the_rubric(home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    task_state = material.current_workflow_state.current_task_state.specific
    task = task_state.task.specific

    assert task.get_actions(material, reviewer) == []
    for action in ("approve", "reject"):
        with pytest.raises(PermissionDenied):
            task.on_action(task_state, reviewer, action)
    material.refresh_from_db()
    assert not material.live
    assert workflow_status(material) == WorkflowState.STATUS_IN_PROGRESS


def test_a_reviewer_who_declares_a_conflict_is_released_and_replaced(home_page):
    first = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    assert open_reviewers(material) == {first.pk}
    replacement = ReviewerFactory()

    review_declare_conflict(material=material, user=first, reason="Mijn collega")

    assert open_reviewers(material) == {replacement.pk}
    with pytest.raises(ReviewRefused):
        review(material, first)


def test_approval_is_refused_while_a_file_of_the_submission_awaits_its_virus_scan(home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    stored_pks = [file.stored_file_id for file in working_copy(material).files.all()]
    assert stored_pks
    StoredFile.objects.filter(pk__in=stored_pks).update(scan_status=StoredFile.ScanStatus.PENDING)

    with pytest.raises(ValidationError, match="virussen gescand"):
        review(material, reviewer)

    material.refresh_from_db()
    assert not material.live
    assert not Review.objects.filter(material=material).exists()
