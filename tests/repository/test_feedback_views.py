"""The public side of feedback: teachers' experiences, students' and parents' answers, reports."""

import time

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

import pytest

from accounts.models import User
from repository.forms_feedback import form_started_token
from repository.models import Feedback, Report
from repository.rate_limits import FEEDBACK_LIMIT, REPORT_LIMIT
from repository.services.feedback import feedback_public_create, feedback_teacher_save
from repository.services.materials import material_withdraw
from tests.accounts.factories import ReviewerFactory, TeacherFactory, UserFactory
from tests.repository.factories import draft_material, published_material

pytestmark = pytest.mark.django_db


def teacher_url(material) -> str:
    return reverse("repository:feedback_teacher", args=[material.pk])


def public_url(material) -> str:
    return reverse("repository:feedback_public", args=[material.pk])


def report_url(material) -> str:
    return reverse("repository:report_problem", args=[material.pk])


def detail_url(material) -> str:
    return reverse("repository:material_detail", args=[material.pk])


def started(material, seconds_ago: float = 10) -> str:
    """A start token as the form page issued it some seconds ago."""
    return form_started_token(material.pk, started=time.time() - seconds_ago)


def public_answer(material, **overrides) -> dict:
    return {
        "role": "student",
        "helpful": "yes",
        "comment": "Ik snapte breuken eindelijk.",
        "website": "",
        "started": started(material),
        **overrides,
    }


def report_answer(material, **overrides) -> dict:
    return {
        "reason": "incorrect",
        "description": "Het antwoord bij opdracht 3 klopt niet.",
        "contact_email": "",
        "website": "",
        "started": started(material),
        **overrides,
    }


def teacher_answer(**overrides) -> dict:
    return {
        "outcome": "4",
        "would_use_again": "yes",
        "class_context": "Groep 6, 24 leerlingen",
        "adaptations": "Opdracht 5 overgeslagen.",
        "comment": "Werkte heel goed met de getallenlijn.",
        **overrides,
    }


@pytest.fixture
def material():
    return published_material(TeacherFactory())


# Teachers: "Ik heb dit gebruikt"


def test_teacher_feedback_requires_login(client, material):
    response = client.post(teacher_url(material), teacher_answer())

    assert response.status_code == 302
    assert "/account/login/" in response.url
    assert not Feedback.objects.exists()


def test_teacher_shares_an_experience_that_is_shown_at_once(client, material):
    teacher = TeacherFactory()
    client.force_login(teacher)

    response = client.post(teacher_url(material), teacher_answer())

    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.author == teacher
    assert feedback.role == Feedback.Role.TEACHER
    assert feedback.status == Feedback.Status.APPROVED
    assert feedback.version_number == 1
    assert feedback.outcome == 4
    page = client.get(detail_url(material)).content.decode()
    assert "Werkte heel goed met de getallenlijn." in page


def test_teacher_edits_their_earlier_experience_instead_of_adding_one(client, material):
    teacher = TeacherFactory()
    client.force_login(teacher)
    client.post(teacher_url(material), teacher_answer())

    form_page = client.get(teacher_url(material)).content.decode()
    client.post(teacher_url(material), teacher_answer(outcome="2", comment="Toch lastig."))

    assert "Werkte heel goed met de getallenlijn." in form_page
    feedback = Feedback.objects.get()
    assert feedback.outcome == 2
    assert feedback.comment == "Toch lastig."


def test_teacher_without_an_answer_to_how_it_went_gets_a_dutch_message(client, material):
    client.force_login(TeacherFactory())

    response = client.post(teacher_url(material), teacher_answer(outcome=""))

    assert response.status_code == 400
    assert "Kies hoe het ging." in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("as_co_author", [False, True])
def test_authors_cannot_give_feedback_on_their_own_material(client, as_co_author):
    owner, co_author = TeacherFactory(), TeacherFactory()
    material = published_material(owner)
    material.co_authors.add(co_author)
    material.save()
    client.force_login(co_author if as_co_author else owner)

    page = client.get(teacher_url(material))
    crafted = client.post(teacher_url(material), teacher_answer())

    assert page.status_code == 403
    assert crafted.status_code == 403
    assert "eigen leermiddel" in crafted.content.decode()
    assert not Feedback.objects.exists()


def test_author_does_not_see_the_i_used_this_link_on_their_material(client, material):
    client.force_login(material.owner)

    page = client.get(detail_url(material)).content.decode()

    assert f'href="{teacher_url(material)}"' not in page
    assert f'href="{report_url(material)}"' in page


def test_signed_in_user_without_the_teacher_role_is_refused(client, material):
    client.force_login(UserFactory())

    response = client.post(teacher_url(material), teacher_answer())

    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_teacher_without_a_verified_address_is_refused(client, material):
    client.force_login(TeacherFactory(verified=False))

    response = client.post(teacher_url(material), teacher_answer())

    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_teacher_comment_with_a_link_waits_for_an_editor(client, material):
    client.force_login(TeacherFactory())

    client.post(teacher_url(material), teacher_answer(comment="Zie https://example.com/spam"))

    assert Feedback.objects.get().status == Feedback.Status.PENDING
    assert "example.com/spam" not in client.get(detail_url(material)).content.decode()


def test_hidden_teacher_feedback_stays_hidden_when_its_teacher_edits_it(material):
    teacher = TeacherFactory()
    feedback = feedback_teacher_save(
        material=material, author=teacher, outcome=3, would_use_again="yes"
    )
    Feedback.objects.filter(pk=feedback.pk).update(status=Feedback.Status.REJECTED)

    feedback_teacher_save(material=material, author=teacher, outcome=4, would_use_again="yes")

    assert Feedback.objects.get().status == Feedback.Status.REJECTED


# Only published materials take feedback


def unpublished_materials():
    owner = TeacherFactory()
    withdrawn = published_material(owner, title="Ingetrokken")
    material_withdraw(material=withdrawn, user=owner, reason="Verouderd")
    return [draft_material(owner), withdrawn]


@pytest.mark.parametrize("url", [teacher_url, public_url, report_url])
def test_feedback_on_an_unpublished_or_withdrawn_material_is_not_found(client, url):
    client.force_login(TeacherFactory())
    for unpublished in unpublished_materials():
        assert client.get(url(unpublished)).status_code == 404
        assert client.post(url(unpublished), public_answer(unpublished)).status_code == 404
    assert not Feedback.objects.exists()
    assert not Report.objects.exists()


# Students and parents


def test_student_answer_is_stored_without_personal_data_and_waits_for_moderation(client, material):
    response = client.post(public_url(material), public_answer(material), REMOTE_ADDR="10.1.2.3")

    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.status == Feedback.Status.PENDING
    assert feedback.author is None
    assert feedback.role == Feedback.Role.STUDENT
    assert feedback.helpful == Feedback.Helpful.YES
    assert not any("10.1.2.3" in str(key) for key in cache._cache)


def test_pending_student_feedback_is_not_shown_until_approved(client, material):
    client.post(public_url(material), public_answer(material))

    page = client.get(detail_url(material)).content.decode()

    assert "Ik snapte breuken eindelijk." not in page
    Feedback.objects.update(status=Feedback.Status.APPROVED)
    assert "Ik snapte breuken eindelijk." in client.get(detail_url(material)).content.decode()


def test_public_form_page_has_a_fieldset_per_question_and_a_start_token(client, material):
    html = client.get(public_url(material)).content.decode()

    assert html.count("<legend>") == 2
    assert 'name="started"' in html
    assert 'class="feedback-honeypot" aria-hidden="true"' in html


def test_submission_that_fills_the_honeypot_is_refused(client, material):
    response = client.post(
        public_url(material), public_answer(material, website="http://spam.example")
    )

    assert response.status_code == 400
    assert "Laat het laatste veld leeg" in response.content.decode()
    assert not Feedback.objects.exists()


def test_submission_sent_too_fast_is_refused(client, material):
    response = client.post(
        public_url(material), public_answer(material, started=started(material, seconds_ago=0))
    )

    assert response.status_code == 400
    assert "Dat ging erg snel" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("token", ["", "vervalst:token", "x" * 40])
def test_submission_without_a_valid_start_token_is_refused(client, material, token):
    response = client.post(public_url(material), public_answer(material, started=token))

    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_start_token_of_another_material_is_refused(client, material):
    other = published_material(TeacherFactory(), title="Ander leermiddel")

    response = client.post(public_url(material), public_answer(material, started=started(other)))

    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_public_comment_with_a_link_is_refused(client, material):
    response = client.post(
        public_url(material), public_answer(material, comment="Kijk op www.casino.example")
    )

    assert response.status_code == 400
    assert "Links zijn hier niet toegestaan" in response.content.decode()
    assert not Feedback.objects.exists()


def test_public_comment_longer_than_500_characters_is_refused(client, material):
    response = client.post(public_url(material), public_answer(material, comment="a" * 501))

    assert response.status_code == 400
    assert "hoogstens 500 tekens" in response.content.decode()
    assert not Feedback.objects.exists()


def test_public_form_errors_are_summarised_with_links_to_the_fields(client, material):
    response = client.post(public_url(material), public_answer(material, role="", helpful=""))

    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_role_0"' in html
    assert 'href="#id_helpful_0"' in html


def test_anonymous_feedback_is_rate_limited_per_client(client, material):
    for _ in range(FEEDBACK_LIMIT.per_client):
        response = client.post(public_url(material), public_answer(material))
        assert response.status_code == 302

    response = client.post(public_url(material), public_answer(material))

    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Feedback.objects.count() == FEEDBACK_LIMIT.per_client


def test_rate_limit_of_one_client_does_not_stop_another(client, material):
    for _ in range(FEEDBACK_LIMIT.per_client):
        client.post(public_url(material), public_answer(material), REMOTE_ADDR="10.0.0.1")

    response = client.post(public_url(material), public_answer(material), REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 302
    assert Feedback.objects.count() == FEEDBACK_LIMIT.per_client + 1


def test_material_wide_cap_limits_many_clients_together(client, material):
    for number in range(FEEDBACK_LIMIT.per_material):
        client.post(public_url(material), public_answer(material), REMOTE_ADDR=f"10.0.1.{number}")

    response = client.post(public_url(material), public_answer(material), REMOTE_ADDR="10.0.2.1")

    assert response.status_code == 429
    assert Feedback.objects.count() == FEEDBACK_LIMIT.per_material


def test_public_form_keeps_csrf_protection(material):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(public_url(material), public_answer(material))

    assert response.status_code == 403
    assert not Feedback.objects.exists()


# Reports


def test_anonymous_visitor_reports_a_problem_with_an_address_for_an_answer(client, material):
    response = client.post(
        report_url(material), report_answer(material, contact_email="ouder@example.org")
    )

    assert response.status_code == 302
    report = Report.objects.get()
    assert report.status == Report.Status.OPEN
    assert report.reason == Report.Reason.INCORRECT
    assert report.reporter is None
    assert report.contact_email == "ouder@example.org"


def test_signed_in_reporter_is_recorded(client, material):
    reviewer = ReviewerFactory()
    client.force_login(reviewer)

    client.post(report_url(material), report_answer(material))

    assert Report.objects.get().reporter == reviewer


def test_report_without_a_description_gets_a_dutch_message(client, material):
    response = client.post(report_url(material), report_answer(material, description=""))

    assert response.status_code == 400
    assert "Beschrijf kort wat er niet klopt." in response.content.decode()
    assert not Report.objects.exists()


def test_reports_are_rate_limited_too(client, material):
    for _ in range(REPORT_LIMIT.per_client):
        client.post(report_url(material), report_answer(material))

    response = client.post(report_url(material), report_answer(material))

    assert response.status_code == 429
    assert Report.objects.count() == REPORT_LIMIT.per_client


def test_honeypot_report_is_refused(client, material):
    response = client.post(report_url(material), report_answer(material, website="x"))

    assert response.status_code == 400
    assert not Report.objects.exists()


def test_deleting_a_teacher_keeps_their_feedback_without_a_name(material):
    teacher = TeacherFactory()
    feedback_teacher_save(material=material, author=teacher, outcome=3, would_use_again="yes")
    feedback_public_create(material=material, role="parent", helpful="partly")

    User.objects.filter(pk=teacher.pk).delete()

    assert Feedback.objects.count() == 2
    assert Feedback.objects.filter(author__isnull=True).count() == 2
