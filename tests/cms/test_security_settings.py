"""Production runs with secure cookies, TLS-only headers and strong passwords; check --deploy
is clean."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import URLResolver, get_resolver

import pytest

from accounts.models import User

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "deploy-check-only-" + "0" * 64,
    "ALLOWED_HOSTS": "nlka.example",
}
SECURITY_SETTINGS = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_AGE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
]


def run_under_production(args: list[str], tmp_path) -> subprocess.CompletedProcess:
    """Run Python in a fresh interpreter with production settings and nothing else set."""
    env = {"PATH": os.environ["PATH"], "VAR_DIR": str(tmp_path), **PRODUCTION_ENVIRONMENT}
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> dict:
    script = (
        "import json, django\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        f"print(json.dumps({{name: getattr(settings, name) for name in {SECURITY_SETTINGS!r}}}))"
    )
    result = run_under_production(["-c", script], tmp_path_factory.mktemp("var"))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_passes_djangos_deployment_checks_without_warnings(tmp_path):
    result = run_under_production(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_sends_session_and_csrf_cookies_over_tls_only(production):
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["LANGUAGE_COOKIE_SECURE"] is True


def test_the_session_cookie_is_hidden_from_scripts_and_kept_from_cross_site_posts(production):
    assert production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert production["CSRF_COOKIE_SAMESITE"] == "Lax"


def test_a_remembered_session_lasts_at_most_a_week(production):
    assert 0 < production["SESSION_COOKIE_AGE"] <= 60 * 60 * 24 * 7


def test_production_redirects_to_tls_and_asks_browsers_to_stay_there_for_a_year(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True


def test_production_forbids_sniffing_framing_and_full_referrers(production):
    assert production["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert production["X_FRAME_OPTIONS"] == "DENY"
    assert production["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"


# LTI messages arrive as cross-site form posts from the learning environment and are protected by
# signed tokens and state instead; OAI-PMH harvesters post without a session. Wagtail's admin API
# is built on Django REST framework, whose session authentication checks CSRF itself.
CSRF_EXEMPT_MODULES = {
    "lti.views.launch",
    "lti.views.picker",
    "lti.views.registration",
    "metadata.api.views",
    "metadata.oai.views",
    "wagtail.admin.api.views",
    "wagtail.documents.api.admin.views",
    "wagtail.images.api.admin.views",
}


def url_callbacks(resolver):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from url_callbacks(pattern)
        else:
            yield pattern.callback


def test_only_lti_oai_and_the_admin_api_skip_djangos_csrf_check():
    exempt = {
        callback.__module__
        for callback in url_callbacks(get_resolver())
        if getattr(callback, "csrf_exempt", False)
    }

    assert exempt <= CSRF_EXEMPT_MODULES


def test_wagtail_documents_are_served_through_the_view_that_checks_privacy():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def refusals(password: str, user=None) -> list[str]:
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        return [e.code for e in error.error_list]
    return []


def test_a_password_shorter_than_ten_characters_is_refused():
    assert "password_too_short" in refusals("kP9#vq!2z")


def test_a_ten_character_uncommon_password_is_accepted():
    assert refusals("kP9#vq!2zL") == []


def test_a_common_password_is_refused():
    assert "password_too_common" in refusals("welcome123")


def test_an_all_digit_password_is_refused():
    assert "password_entirely_numeric" in refusals("7305918246")


def test_a_password_like_the_users_email_address_is_refused():
    user = User(username="jdevries", email="jandevries@school.example")

    assert "password_too_similar" in refusals("jandevries@school", user=user)


@pytest.mark.django_db
def test_sign_up_with_a_short_password_is_refused_in_dutch(client, home_page):
    response = client.post(
        "/account/signup/",
        {"email": "kort@school.example", "password1": "kP9#vq!2z", "password2": "kP9#vq!2z"},
    )

    assert response.status_code == 200
    assert not User.objects.filter(email="kort@school.example").exists()
    assert "minimaal 10 tekens" in response.content.decode()
