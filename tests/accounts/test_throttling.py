"""Failed log-ins lock the account and the client for a while, on the site and in the admin;
nothing the log-in, sign-up or reset pages say or take tells whether an account exists."""

import time

from django.contrib.auth import authenticate
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django.urls import reverse

import pytest

from tests.accounts.factories import EditorFactory, TeacherFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
SITE_LOGIN = "/account/login/"
ADMIN_LOGIN = "/admin/login/"
LOCKED = "Te veel pogingen, probeer het over 15 minuten opnieuw."


def site_login(client, login, password, **extra):
    return client.post(SITE_LOGIN, {"login": login, "password": password}, **extra)


def admin_login(client, username, password):
    return client.post(ADMIN_LOGIN, {"username": username, "password": password})


def fail_site_logins(client, login, times=5, **extra):
    for _ in range(times):
        site_login(client, login, "helemaal-fout", **extra)


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, home_page):
    teacher = TeacherFactory()
    fail_site_logins(client, teacher.email)

    response = site_login(client, teacher.email, PASSWORD)

    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock_the_account(client, home_page):
    teacher = TeacherFactory()
    fail_site_logins(client, teacher.email, times=4)

    response = site_login(client, teacher.email, PASSWORD)

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == teacher.pk


def test_the_lockout_ends_after_fifteen_minutes(client, home_page, monkeypatch):
    teacher = TeacherFactory()
    fail_site_logins(client, teacher.email)
    real_time = time.time
    # The clock is the edge: jump it past the lockout for the cache and the throttle alike.
    monkeypatch.setattr(time, "time", lambda: real_time() + 15 * 60 + 1)

    response = site_login(client, teacher.email, PASSWORD)

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == teacher.pk


def test_a_lockout_message_counts_down_the_minutes_left(client, home_page, monkeypatch):
    teacher = TeacherFactory()
    fail_site_logins(client, teacher.email)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 14 * 60)

    response = site_login(client, teacher.email, PASSWORD)

    assert "probeer het over 1 minuut opnieuw." in response.content.decode()


def test_an_unknown_address_is_locked_with_exactly_the_same_answer(client, home_page):
    teacher = TeacherFactory()
    fail_site_logins(client, teacher.email)
    fail_site_logins(Client(), "niemand@school.example")

    known = site_login(Client(), teacher.email, PASSWORD)
    unknown = site_login(Client(), "niemand@school.example", PASSWORD)

    assert known.status_code == unknown.status_code == 200
    assert LOCKED in known.content.decode()
    assert LOCKED in unknown.content.decode()


def test_the_admin_login_is_locked_after_five_wrong_passwords(client, home_page):
    editor = EditorFactory()
    for _ in range(5):
        admin_login(client, editor.username, "helemaal-fout")

    response = admin_login(client, editor.username, PASSWORD)

    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_on_the_site_also_lock_the_admin_login_by_username(client, home_page):
    editor = EditorFactory()
    fail_site_logins(client, editor.email)

    response = admin_login(Client(), editor.username, PASSWORD)

    assert LOCKED in response.content.decode()


def test_a_locked_account_is_refused_by_any_caller_of_authenticate(rf, home_page):
    teacher = TeacherFactory()
    fail_site_logins(Client(), teacher.email)

    user = authenticate(rf.post("/"), username=teacher.username, password=PASSWORD)

    assert user is None


def test_a_successful_login_forgets_the_accounts_earlier_failures(client, home_page):
    teacher = TeacherFactory()
    fail_site_logins(client, teacher.email, times=4)
    site_login(client, teacher.email, PASSWORD)
    client.logout()
    fail_site_logins(client, teacher.email, times=4)

    response = site_login(client, teacher.email, PASSWORD)

    assert response.status_code == 302


def test_one_client_failing_on_many_accounts_is_locked(client, home_page, settings):
    settings.NLKA_LOGIN_THROTTLE = {**settings.NLKA_LOGIN_THROTTLE, "client_failures": 3}
    teacher = TeacherFactory()
    for number in range(3):
        site_login(client, f"raden{number}@school.example", "fout", REMOTE_ADDR="10.9.8.7")

    response = site_login(client, teacher.email, PASSWORD, REMOTE_ADDR="10.9.8.7")

    assert LOCKED in response.content.decode()


def test_a_locked_client_does_not_stop_another_client(client, home_page, settings):
    settings.NLKA_LOGIN_THROTTLE = {**settings.NLKA_LOGIN_THROTTLE, "client_failures": 3}
    teacher = TeacherFactory()
    for number in range(3):
        site_login(client, f"raden{number}@school.example", "fout", REMOTE_ADDR="10.9.8.7")

    response = site_login(Client(), teacher.email, PASSWORD, REMOTE_ADDR="10.9.8.8")

    assert response.status_code == 302


def test_attempts_during_a_lockout_do_not_prolong_it(client, home_page, monkeypatch):
    teacher = TeacherFactory()
    fail_site_logins(client, teacher.email)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 10 * 60)
    fail_site_logins(client, teacher.email, times=3)
    monkeypatch.setattr(time, "time", lambda: real_time() + 15 * 60 + 1)

    response = site_login(client, teacher.email, PASSWORD)

    assert response.status_code == 302


def test_a_wrong_password_and_an_unknown_address_get_the_same_message(client, home_page):
    teacher = TeacherFactory()

    wrong_password = site_login(Client(), teacher.email, "helemaal-fout")
    unknown = site_login(Client(), "niemand@school.example", "helemaal-fout")

    assert wrong_password.status_code == unknown.status_code == 200
    assert wrong_password.context["form"].errors == unknown.context["form"].errors


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, home_page):
    teacher = TeacherFactory()

    known = Client().post(reverse("account_reset_password"), {"email": teacher.email})
    unknown = Client().post(reverse("account_reset_password"), {"email": "niemand@school.example"})

    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)


class CountingHasher(MD5PasswordHasher):
    """MD5 (fast, tests only) that counts how often a password is hashed."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


def hashes_during(callable_) -> int:
    CountingHasher.calls = 0
    callable_()
    return CountingHasher.calls


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.test_throttling.CountingHasher"]


@pytest.mark.usefixtures("counting_hasher")
def test_an_unknown_address_costs_as_much_hashing_as_a_wrong_password(home_page):
    teacher = TeacherFactory()

    known = hashes_during(lambda: site_login(Client(), teacher.email, "helemaal-fout"))
    unknown = hashes_during(lambda: site_login(Client(), "niemand@school.example", "fout"))

    assert known == unknown >= 1


@pytest.mark.usefixtures("counting_hasher")
def test_an_unknown_admin_username_costs_as_much_hashing_as_a_wrong_password(home_page):
    editor = EditorFactory()

    known = hashes_during(lambda: admin_login(Client(), editor.username, "helemaal-fout"))
    unknown = hashes_during(lambda: admin_login(Client(), "niemand", "helemaal-fout"))

    assert known == unknown >= 1
