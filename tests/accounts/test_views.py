from django.urls import reverse

import pytest

from accounts.roles import REVIEWERS
from metadata.models import Concept
from metadata.services import vocabularies_load_builtin
from tests.accounts.factories import EditorFactory, ReviewerFactory, TeacherFactory, UserFactory

pytestmark = pytest.mark.django_db

REVIEWER_ROLES_URL = "/admin/accounts/beoordelaars/"


def test_profile_requires_log_in(client, home_page):
    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_teacher_saves_profile_with_expertise(client, home_page):
    vocabularies_load_builtin()
    teacher = TeacherFactory()
    biology = Concept.objects.get(scheme__slug="subjects", notation="bio")
    havo = Concept.objects.get(scheme__slug="levels", notation="havo")
    client.force_login(teacher)

    response = client.post(
        reverse("accounts:profile"),
        {
            "display_name": "Meester Jan",
            "school": "Het Baken",
            "expertise_subjects": [biology.pk],
            "expertise_levels": [havo.pk],
        },
    )

    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.display_name == "Meester Jan"
    assert list(teacher.expertise_subjects.all()) == [biology]
    assert list(teacher.expertise_levels.all()) == [havo]


def test_profile_refuses_a_level_offered_as_subject(client, home_page):
    vocabularies_load_builtin()
    teacher = TeacherFactory()
    havo = Concept.objects.get(scheme__slug="levels", notation="havo")
    client.force_login(teacher)

    response = client.post(reverse("accounts:profile"), {"expertise_subjects": [havo.pk]})

    assert response.status_code == 200
    assert response.context["form"].errors["expertise_subjects"]
    assert not teacher.expertise_subjects.exists()


def test_profile_shows_the_roles_of_the_user(client, home_page):
    client.force_login(ReviewerFactory())

    response = client.get(reverse("accounts:profile"))

    assert "Beoordelaar" in response.content.decode()


def test_editor_grants_the_reviewer_role(client, home_page):
    teacher = TeacherFactory()
    client.force_login(EditorFactory())

    response = client.post(REVIEWER_ROLES_URL, {"user": teacher.pk, "reviewer": "on"})

    assert response.status_code == 302
    assert teacher.groups.filter(name=REVIEWERS).exists()


def test_editor_withdraws_the_reviewer_role(client, home_page):
    reviewer = ReviewerFactory()
    client.force_login(EditorFactory())

    client.post(REVIEWER_ROLES_URL, {"user": reviewer.pk})

    assert not reviewer.groups.filter(name=REVIEWERS).exists()


def test_editor_cannot_make_an_unverified_account_reviewer(client, home_page):
    unverified = UserFactory(verified=False)
    client.force_login(EditorFactory())

    response = client.post(
        REVIEWER_ROLES_URL, {"user": unverified.pk, "reviewer": "on"}, follow=True
    )

    assert not unverified.groups.filter(name=REVIEWERS).exists()
    assert "bevestigd e-mailadres" in response.content.decode()


def test_editor_sees_teachers_in_the_reviewer_list(client, home_page):
    teacher = TeacherFactory(display_name="Juf Anna")
    client.force_login(EditorFactory())

    response = client.get(REVIEWER_ROLES_URL)

    assert response.status_code == 200
    assert teacher.email in response.content.decode()


@pytest.mark.parametrize("factory", [ReviewerFactory, TeacherFactory])
def test_non_editors_cannot_grant_the_reviewer_role(client, home_page, factory):
    teacher = TeacherFactory()
    client.force_login(factory())

    response = client.post(REVIEWER_ROLES_URL, {"user": teacher.pk, "reviewer": "on"})

    assert response.status_code in (302, 403)
    assert not teacher.groups.filter(name=REVIEWERS).exists()


def test_anonymous_visitor_cannot_see_the_reviewer_list(client, home_page):
    TeacherFactory(email="verborgen@school.example")

    response = client.get(REVIEWER_ROLES_URL)

    assert response.status_code == 302
    assert "verborgen@school.example" not in response.content.decode()


def test_bad_reviewer_form_gives_a_message_not_an_error(client, home_page):
    client.force_login(EditorFactory())

    response = client.post(REVIEWER_ROLES_URL, {"user": "niet-een-getal"}, follow=True)

    assert response.status_code == 200
    assert "kon niet worden verwerkt" in response.content.decode()
