import re

from django.core import mail
from django.urls import reverse

import pytest

from accounts.models import User
from accounts.roles import TEACHERS

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-en-sterk-wachtwoord-42"


def sign_up(client, email="nieuw@school.example"):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_sign_up_sends_a_verification_email(client, home_page):
    response = sign_up(client)

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuw@school.example"]
    assert "/account/confirm-email/" in mail.outbox[0].body


def test_new_account_has_no_teacher_rights_before_verification(client, home_page):
    sign_up(client)

    user = User.objects.get(email="nieuw@school.example")
    assert not user.groups.filter(name=TEACHERS).exists()


def test_unverified_account_cannot_log_in(client, home_page):
    sign_up(client)
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": "nieuw@school.example", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_confirming_the_email_address_makes_the_account_a_teacher(client, home_page):
    sign_up(client)
    confirm_url = re.search(r"https?://[^/]+(/account/confirm-email/\S+)", mail.outbox[0].body)[1]

    response = client.post(confirm_url)

    assert response.status_code == 302
    user = User.objects.get(email="nieuw@school.example")
    assert user.groups.filter(name=TEACHERS).exists()


def test_sign_up_with_a_taken_address_keeps_the_existing_account_unchanged(client, home_page):
    sign_up(client)
    existing = User.objects.get(email="nieuw@school.example")
    mail.outbox.clear()

    other_password = "ander-wachtwoord-99"
    response = client.__class__().post(
        reverse("account_signup"),
        {"email": "nieuw@school.example", "password1": other_password, "password2": other_password},
    )

    assert User.objects.filter(email="nieuw@school.example").count() == 1
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    # The visitor sees what any sign-up shows, so addresses cannot be probed.
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
