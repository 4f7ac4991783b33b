"""The reviewer workspace: who may see and do what, through the UI and through crafted requests."""

from django.urls import reverse

import pytest

from repository.models import ConflictOfInterest, Review, ReviewAssignment
from repository.selectors.review import current_framework
from tests.accounts.factories import EditorFactory, ReviewerFactory, TeacherFactory
from tests.repository.review_factories import submitted_material

pytestmark = pytest.mark.django_db


def review_url(material) -> str:
    return reverse("repository_review:review", args=[material.pk])


def rubric_post(material, recommendation="approve", **extra) -> dict:
    material.refresh_from_db()
    data = {
        "revision": material.latest_revision_id,
        "recommendation": recommendation,
        "public_summary": "Bruikbaar in groep 6.",
        "comments_for_author": "",
    }
    for criterion in current_framework().criteria.all():
        data[f"score_{criterion.pk}"] = "3"
        data[f"comment_{criterion.pk}"] = ""
    data.update(extra)
    return data


def test_the_assigned_reviewer_sees_the_draft_and_the_rubric_with_guiding_questions(
    client, home_page
):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    client.force_login(reviewer)

    response = client.get(review_url(material))

    html = response.content.decode()
    assert response.status_code == 200
    assert material.title in html
    assert "Richtvragen" in html
    assert "niet van toepassing" in html
    assert (
        reverse(
            "repository:draft_file_download",
            args=[material.pk, material.files.first().stored_file_id],
        )
        in html
    )


def test_the_assigned_reviewer_approves_through_the_rubric_and_the_material_is_published(
    client, home_page
):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    client.force_login(reviewer)

    response = client.post(review_url(material), rubric_post(material))

    assert response.status_code == 302
    material.refresh_from_db()
    assert material.live
    assert Review.objects.get().reviewer == reviewer


def test_a_missing_score_is_reported_in_dutch_and_nothing_is_saved(client, home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    criterion = current_framework().criteria.first()
    client.force_login(reviewer)

    response = client.post(
        review_url(material), rubric_post(material, **{f"score_{criterion.pk}": ""})
    )

    assert response.status_code == 200
    assert (
        f"Kies een score of ‘niet van toepassing’ bij {criterion.code}" in response.content.decode()
    )
    assert not Review.objects.exists()


def test_self_review_is_impossible_in_the_ui(client, home_page):
    author = ReviewerFactory()
    material = submitted_material(author)
    client.force_login(author)

    response = client.get(review_url(material))
    queue = client.get(reverse("repository_review:queue") + "?tab=open")

    assert response.status_code == 403
    assert "niet beoordelen" in response.content.decode()
    assert 'name="recommendation"' not in response.content.decode()
    assert material.title not in queue.content.decode()


def test_self_review_is_impossible_through_a_crafted_post(client, home_page):
    ReviewerFactory()
    author = ReviewerFactory()
    material = submitted_material(author)
    # Even an assignment slipped in by hand does not let an author review.
    state = material.current_workflow_state
    ReviewAssignment.objects.create(
        material=material,
        workflow_state=state,
        reviewer=author,
        source="editor",
        due_at=state.created_at,
    )
    client.force_login(author)

    response = client.post(review_url(material), rubric_post(material))

    assert response.status_code == 403
    material.refresh_from_db()
    assert not material.live
    assert not Review.objects.exists()


def test_a_co_author_cannot_review_or_claim(client, home_page):
    owner = TeacherFactory()
    co_author = ReviewerFactory()
    ReviewerFactory()
    from repository.services.materials import material_save_draft, material_submit_for_review
    from tests.repository.factories import complete_metadata, draft_material

    material = draft_material(owner)
    material_save_draft(
        material=material, user=owner, data={**complete_metadata(), "co_authors": [co_author]}
    )
    material_submit_for_review(material=material, user=owner)
    client.force_login(co_author)

    assert client.post(review_url(material), rubric_post(material)).status_code == 403
    assert client.post(reverse("repository_review:claim", args=[material.pk])).status_code == 403
    assert not Review.objects.exists()


@pytest.mark.parametrize("who", ["teacher", "editor"])
def test_a_crafted_review_post_by_a_non_reviewer_is_refused(client, home_page, who):
    ReviewerFactory()
    material = submitted_material(TeacherFactory())
    client.force_login(TeacherFactory() if who == "teacher" else EditorFactory())

    response = client.post(review_url(material), rubric_post(material))

    assert response.status_code in (302, 403)
    assert not Review.objects.exists()


def test_a_reviewer_who_is_not_assigned_must_claim_first(client, home_page):
    ReviewerFactory()
    material = submitted_material(TeacherFactory())
    outsider = ReviewerFactory()
    client.force_login(outsider)

    response = client.post(review_url(material), rubric_post(material))

    assert response.status_code == 403
    assert "Pak het eerst op" in response.content.decode()
    assert not Review.objects.exists()


def test_a_reviewer_claims_a_free_place_from_the_queue(client, home_page):
    from tests.repository.review_factories import require_reviewers

    require_reviewers(2)
    ReviewerFactory()
    material = submitted_material(TeacherFactory())
    newcomer = ReviewerFactory()
    client.force_login(newcomer)

    queue = client.get(reverse("repository_review:queue") + "?tab=open")
    response = client.post(reverse("repository_review:claim", args=[material.pk]))

    assert material.title in queue.content.decode()
    assert response.status_code == 302
    assert ReviewAssignment.objects.filter(reviewer=newcomer, status="open").exists()


def test_a_reviewer_declares_a_conflict_of_interest_from_the_form(client, home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    client.force_login(reviewer)

    response = client.post(
        reverse("repository_review:conflict", args=[material.pk]), {"reason": "Mijn zus"}
    )

    assert response.status_code == 302
    assert ConflictOfInterest.objects.filter(reviewer=reviewer, material=material).exists()
    assert ReviewAssignment.objects.get(reviewer=reviewer).status == "declined"


@pytest.mark.parametrize("name", ["repository_review:queue", "repository_review:history"])
def test_teachers_are_refused_the_workspace_pages(client, home_page, name):
    client.force_login(TeacherFactory())

    response = client.get(reverse(name))

    assert response.status_code in (302, 403)


def test_a_teacher_cannot_declare_conflicts_or_claim(client, home_page):
    ReviewerFactory()
    material = submitted_material(TeacherFactory())
    client.force_login(TeacherFactory())

    conflict = client.post(
        reverse("repository_review:conflict", args=[material.pk]), {"reason": ""}
    )
    claim = client.post(reverse("repository_review:claim", args=[material.pk]))

    assert conflict.status_code in (302, 403)
    assert claim.status_code in (302, 403)
    assert not ConflictOfInterest.objects.exists()
    assert ReviewAssignment.objects.count() == 1


def test_the_queue_shows_my_assignments_and_editors_see_all_with_workload(client, home_page):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    client.force_login(reviewer)
    mine = client.get(reverse("repository_review:queue"))
    client.force_login(EditorFactory())
    everything = client.get(reverse("repository_review:queue") + "?tab=all")

    assert material.title in mine.content.decode()
    assert material.title in everything.content.decode()
    assert "Werklast per beoordelaar" in everything.content.decode()
    assert [r.open_count for r in everything.context["workloads"] if r.pk == reviewer.pk] == [1]


def test_the_overdue_filter_leaves_out_reviews_that_are_not_late(client, home_page):
    reviewer = ReviewerFactory()
    submitted_material(TeacherFactory())
    client.force_login(reviewer)

    response = client.get(reverse("repository_review:queue") + "?te_laat=1")

    assert response.context["entries"] == []


def test_the_admin_home_shows_what_awaits_the_reviewer_and_the_history_lists_reviews(
    client, home_page
):
    reviewer = ReviewerFactory()
    material = submitted_material(TeacherFactory())
    client.force_login(reviewer)

    home = client.get(reverse("wagtailadmin_home"))
    assert "Wacht op uw beoordeling" in home.content.decode()
    assert material.title in home.content.decode()

    client.post(review_url(material), rubric_post(material))
    history = client.get(reverse("repository_review:history"))
    assert material.title in history.content.decode()
