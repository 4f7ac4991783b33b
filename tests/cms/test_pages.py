"""The public layout: language, landmarks, error pages and security headers."""

from django.test import Client, RequestFactory
from django.views.defaults import server_error

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_is_dutch_by_default(client, home_page):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "Direct naar de inhoud" in html


def test_browser_language_does_not_override_the_dutch_address(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert '<html lang="nl">' in response.content.decode()


def test_english_interface_and_content_under_en(client, home_page):
    response = client.get("/en/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert "Working together on better learning materials" in html


def test_language_switch_links_to_the_translated_page(client, home_page):
    html = client.get("/over/").content.decode()

    assert 'href="/en/over/" hreflang="en"' in html


def test_layout_has_skip_link_and_landmarks(client, home_page):
    html = client.get("/").content.decode()

    assert 'href="#main-content"' in html
    assert '<main id="main-content"' in html
    assert "<header" in html and "<nav" in html and "<footer" in html


def test_accessibility_statement_is_published(client, home_page):
    response = client.get("/toegankelijkheid/")

    assert response.status_code == 200
    assert "WCAG 2.2" in response.content.decode()


def test_unknown_page_gives_a_friendly_404_without_traceback(client, home_page, settings):
    settings.DEBUG = False

    response = client.get("/bestaat-niet/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in html
    assert "Traceback" not in html


def test_server_error_page_has_no_traceback(settings):
    settings.DEBUG = False

    response = server_error(RequestFactory().get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert "Traceback" not in html


def test_an_exception_in_a_view_gives_the_500_page_not_a_traceback(home_page, settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.cms.failing_urls"
    client = Client(raise_request_exception=False)

    response = client.get("/kapot/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert "ZeroDivisionError" not in html and "Traceback" not in html


def test_public_pages_send_security_headers(client, home_page):
    response = client.get("/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_public_pages_forbid_inline_scripts(client, home_page):
    policy = client.get("/")["Content-Security-Policy"]

    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src


def test_admin_pages_allow_wagtails_inline_widget_scripts(client, home_page):
    from tests.accounts.factories import EditorFactory

    client.force_login(EditorFactory())

    policy = client.get("/admin/")["Content-Security-Policy"]

    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" in script_src
