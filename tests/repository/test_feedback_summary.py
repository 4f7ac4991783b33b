"""What the material page tells about experiences: counts, shares and recent comments."""

from django.urls import reverse

import pytest

from repository.models import Feedback
from repository.selectors.feedback import material_feedback_summary
from repository.services.feedback import feedback_public_create, feedback_teacher_save
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import draft_material, published_material

pytestmark = pytest.mark.django_db


@pytest.fixture
def material():
    return published_material(TeacherFactory())


def teacher_feedback(material, *, outcome=3, again="yes", comment="", status=None):
    feedback = feedback_teacher_save(
        material=material,
        author=TeacherFactory(),
        outcome=outcome,
        would_use_again=again,
        comment=comment,
    )
    if status:
        Feedback.objects.filter(pk=feedback.pk).update(status=status)
    return feedback


def public_feedback(material, *, helpful, role="student", comment="", approved=True):
    feedback = feedback_public_create(
        material=material, role=role, helpful=helpful, comment=comment
    )
    if approved:
        Feedback.objects.filter(pk=feedback.pk).update(status=Feedback.Status.APPROVED)
    return feedback


def shares(items) -> dict:
    return {share.value: (share.count, share.percent) for share in items}


def test_times_used_counts_approved_teacher_feedback_only(material):
    teacher_feedback(material)
    teacher_feedback(material)
    teacher_feedback(material, status=Feedback.Status.REJECTED)
    teacher_feedback(material, comment="Zie www.example.com")  # waits for an editor

    assert material_feedback_summary(material).times_used == 2


def test_helpfulness_is_the_share_of_approved_students_and_parents(material):
    public_feedback(material, helpful="yes")
    public_feedback(material, helpful="yes", role="parent")
    public_feedback(material, helpful="partly")
    public_feedback(material, helpful="no")
    public_feedback(material, helpful="no", approved=False)

    summary = material_feedback_summary(material)

    assert summary.helpful_total == 4
    assert shares(summary.helpful) == {"yes": (2, 50), "partly": (1, 25), "no": (1, 25)}


def test_would_use_again_and_outcomes_come_from_teachers(material):
    teacher_feedback(material, outcome=4, again="yes")
    teacher_feedback(material, outcome=4, again="yes")
    teacher_feedback(material, outcome=2, again="maybe")
    public_feedback(material, helpful="yes")

    summary = material_feedback_summary(material)

    assert summary.would_use_again_total == 3
    assert shares(summary.would_use_again) == {"yes": (2, 67), "maybe": (1, 33), "no": (0, 0)}
    assert shares(summary.outcomes)["4"] == (2, 67)
    assert shares(summary.outcomes)["2"] == (1, 33)


def test_recent_comments_are_approved_ones_newest_first(material):
    public_feedback(material, helpful="yes", comment="Eerste")
    public_feedback(material, helpful="yes", comment="Tweede")
    public_feedback(material, helpful="no", comment="Nog niet gecontroleerd", approved=False)
    public_feedback(material, helpful="yes")

    recent = material_feedback_summary(material).recent

    assert [feedback.comment for feedback in recent] == ["Tweede", "Eerste"]


def test_feedback_of_other_materials_is_not_counted(material):
    other = published_material(TeacherFactory(), title="Ander leermiddel")
    teacher_feedback(other)
    public_feedback(other, helpful="yes")

    summary = material_feedback_summary(material)

    assert summary.is_empty


def test_summary_takes_the_same_two_queries_however_much_feedback_there_is(
    material, django_assert_num_queries
):
    for number in range(6):
        teacher_feedback(material, comment=f"Opmerking {number}")
        public_feedback(material, helpful="yes", comment=f"Leerling {number}")

    with django_assert_num_queries(2):
        summary = material_feedback_summary(material)
        for feedback in summary.recent:
            str(feedback.level)


def test_material_page_shows_the_numbers_and_the_three_ways_to_respond(client, material):
    teacher_feedback(material, again="yes", comment="Goed te gebruiken.")
    public_feedback(material, helpful="partly")

    html = client.get(reverse("repository:material_detail", args=[material.pk])).content.decode()

    assert 'id="ervaringen"' in html
    assert "1 leraar vertelde hoe het ging in de klas." in html
    assert "Goed te gebruiken." in html
    assert "100% (1 keer)" in html
    assert reverse("repository:feedback_teacher", args=[material.pk]) in html
    assert reverse("repository:feedback_public", args=[material.pk]) in html
    assert reverse("repository:report_problem", args=[material.pk]) in html


def test_material_page_without_feedback_invites_the_first(client, material):
    html = client.get(reverse("repository:material_detail", args=[material.pk])).content.decode()

    assert "Nog niemand heeft een ervaring met dit leermiddel gedeeld." in html


def test_draft_page_has_no_feedback_section(client):
    teacher = TeacherFactory()
    material = draft_material(teacher)
    client.force_login(teacher)

    html = client.get(reverse("repository:material_detail", args=[material.pk])).content.decode()

    assert 'id="ervaringen"' not in html
