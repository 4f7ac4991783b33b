"""Public pages allow only scripts from our origin or with this response's nonce; the admin has
its own policy; every response switches off browser features the site does not use."""

import re

from django.http import HttpResponse
from django.test import Client
from django.urls import path

import pytest

from tests.accounts.factories import EditorFactory


def nonce_page(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}">document.title = "x";</script>')


urlpatterns = [
    path("nonce/", nonce_page),
    path("admin/nonce/", nonce_page),
]


def directive(response, name: str) -> list[str]:
    policy = response["Content-Security-Policy"]
    found = next(d.split() for d in policy.split(";") if d.split() and d.split()[0] == name)
    return found[1:]


@pytest.fixture
def nonce_urls(settings):
    settings.ROOT_URLCONF = __name__


def page_nonce(response) -> str:
    return re.search(r'nonce="([^"]+)"', response.content.decode())[1]


@pytest.mark.usefixtures("nonce_urls")
def test_a_page_with_an_inline_script_allows_exactly_its_own_nonce(client):
    response = client.get("/nonce/")

    assert directive(response, "script-src") == ["'self'", f"'nonce-{page_nonce(response)}'"]


@pytest.mark.usefixtures("nonce_urls")
def test_every_response_gets_a_fresh_unguessable_nonce(client):
    first, second = page_nonce(client.get("/nonce/")), page_nonce(client.get("/nonce/"))

    assert first != second
    assert len(first) >= 22


def test_a_page_without_inline_scripts_sends_no_nonce(client, home_page):
    assert directive(client.get("/"), "script-src") == ["'self'"]


@pytest.mark.usefixtures("nonce_urls")
def test_the_admin_policy_allows_wagtails_inline_scripts_and_names_no_nonce(client):
    # A nonce next to 'unsafe-inline' would make browsers ignore 'unsafe-inline'.
    response = client.get("/admin/nonce/")

    assert directive(response, "script-src") == ["'self'", "'unsafe-inline'"]


@pytest.mark.django_db
def test_the_admin_keeps_every_other_directive_of_the_site_policy(client, home_page):
    client.force_login(EditorFactory())

    response = client.get("/admin/")

    assert directive(response, "object-src") == ["'none'"]
    assert directive(response, "frame-ancestors") == ["'none'"]
    assert directive(response, "base-uri") == ["'self'"]


def test_public_pages_switch_off_camera_microphone_and_location(client, home_page):
    policy = client.get("/")["Permissions-Policy"]

    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


def test_fullscreen_stays_available_to_our_pages_and_the_embedded_video_players(client, home_page):
    policy = client.get("/")["Permissions-Policy"]

    assert (
        'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")' in policy
    )


@pytest.mark.django_db
def test_the_permissions_policy_is_sent_with_the_admin_and_health_check_too():
    client = Client()

    assert "camera=()" in client.get("/admin/login/")["Permissions-Policy"]
    assert "camera=()" in client.get("/healthz")["Permissions-Policy"]
