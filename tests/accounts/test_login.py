import re

from django.core import mail
from django.urls import reverse

import pytest

from tests.accounts.factories import TeacherFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def test_teacher_logs_in_with_email_and_password(client, home_page):
    teacher = TeacherFactory()

    response = client.post(reverse("account_login"), {"login": teacher.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("accounts:profile")
    assert int(client.session["_auth_user_id"]) == teacher.pk


def test_wrong_password_gives_a_dutch_message(client, home_page):
    teacher = TeacherFactory()

    response = client.post(reverse("account_login"), {"login": teacher.email, "password": "fout"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "wachtwoord is niet correct" in response.content.decode()


def test_log_out_ends_the_session(client, home_page):
    client.force_login(TeacherFactory())

    client.post(reverse("account_logout"))

    assert "_auth_user_id" not in client.session


def test_password_reset_mails_a_link_that_sets_a_new_password(client, home_page):
    teacher = TeacherFactory()

    client.post(reverse("account_reset_password"), {"email": teacher.email})
    link = re.search(r"https?://[^/]+(/account/password/reset/key/\S+)", mail.outbox[0].body)[1]
    form_url = client.get(link).url
    client.post(
        form_url, {"password1": "nieuw-wachtwoord-2026!", "password2": "nieuw-wachtwoord-2026!"}
    )

    teacher.refresh_from_db()
    assert teacher.check_password("nieuw-wachtwoord-2026!")


def test_password_reset_for_an_unknown_address_reveals_nothing(client, home_page):
    response = client.post(reverse("account_reset_password"), {"email": "onbekend@school.example"})

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
