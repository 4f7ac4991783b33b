import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

from django.test import Client

import pytest

from lti.models import Registration
from tests.lti.flows import login, platform_launch_form, post_launch
from tests.lti.platform import authentication_request

pytestmark = pytest.mark.django_db


def test_login_first_shows_an_accessible_cookie_check_inside_the_frame(client, platform):
    response = client.get(platform.login_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="status"' in html
    assert "Openen in een nieuw venster" in html
    assert 'target="_blank"' in html
    assert "js/lti-cookie-check.js" in html
    assert "<script>" not in html


def test_the_cookie_check_carries_every_login_parameter_to_both_ways_of_continuing(
    client, platform
):
    response = client.get(platform.login_url(user_id="user-7"))

    html = response.content.decode()
    assert html.count('name="login_hint" value="user-7"') == 2
    assert html.count('name="lti_continue" value="1"') == 2
    assert html.count(f'name="client_id" value="{platform.client_id}"') == 2


def test_the_cookie_check_may_be_framed_and_post_to_the_platform(client, platform, registration):
    response = client.get(platform.login_url())

    policy = response["Content-Security-Policy"]
    assert f"frame-ancestors {registration.issuer}" in policy
    assert re.search(rf"form-action [^;]*{re.escape(registration.issuer)}", policy)
    assert "X-Frame-Options" not in response.headers


def test_login_redirects_to_the_platform_with_state_nonce_and_our_launch_url(
    client, platform, registration
):
    auth = login(client, platform, user_id="user-7")

    assert auth["client_id"] == registration.client_id
    assert auth["redirect_uri"] == "http://testserver/lti/launch/"
    assert auth["login_hint"] == "user-7"
    assert auth["lti_message_hint"] == "link-1"
    assert auth["response_type"] == "id_token"
    assert auth["response_mode"] == "form_post"
    assert auth["scope"] == "openid"
    assert auth["prompt"] == "none"
    assert len(auth["nonce"]) >= 32
    assert auth["state"]


def test_login_sets_a_browser_bound_state_cookie_that_survives_iframes(client, platform):
    url = platform.login_url()

    response = client.get(f"{url}&lti_continue=1")

    state = authentication_request(response["Location"])["state"]
    cookie = response.cookies[f"lti1p3-{state}"]
    assert cookie.value == state
    assert cookie["samesite"] == "None"
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert response.cookies["nlka-lti-session"]["samesite"] == "None"


def test_login_also_works_as_a_form_post(client, platform):
    form = dict(parse_qsl(urlsplit(platform.login_url()).query))

    check = client.post("/lti/login/", form)
    response = client.post("/lti/login/", {**form, "lti_continue": "1"})

    assert check.status_code == 200
    assert response.status_code == 302
    assert response["Location"].startswith(platform.issuer + "/auth?")


def test_login_from_an_unknown_issuer_is_refused(client, lti_log, registration):
    response = client.get(
        "/lti/login/",
        {
            "iss": "https://onbekend.example",
            "login_hint": "u",
            "target_link_uri": "http://testserver/lti/launch/",
        },
    )

    assert response.status_code == 403
    assert "niet (meer) gekoppeld" in response.content.decode()
    assert lti_log.refused("issuer_unknown")


def test_login_for_an_off_site_target_link_uri_is_refused(client, registration, lti_log):
    response = client.get(
        "/lti/login/",
        {
            "iss": registration.issuer,
            "client_id": registration.client_id,
            "login_hint": "u",
            "target_link_uri": "https://aanvaller.example/lti/launch/",
        },
    )

    assert response.status_code == 403
    assert lti_log.refused("target_link_uri_off_site")


def test_login_for_another_path_on_our_host_is_refused(client, registration, lti_log):
    response = client.get(
        "/lti/login/",
        {
            "iss": registration.issuer,
            "client_id": registration.client_id,
            "login_hint": "u",
            "target_link_uri": "http://testserver/admin/",
        },
    )

    assert response.status_code == 403
    assert lti_log.refused("target_link_uri_off_site")


def test_login_for_an_unknown_deployment_is_refused(client, registration, lti_log):
    response = client.get(
        "/lti/login/",
        {
            "iss": registration.issuer,
            "client_id": registration.client_id,
            "login_hint": "u",
            "target_link_uri": "http://testserver/lti/launch/",
            "lti_deployment_id": "deployment-99",
        },
    )

    assert response.status_code == 403
    assert lti_log.refused("deployment_unknown")


@pytest.mark.parametrize("missing", ["iss", "login_hint", "target_link_uri"])
def test_login_without_a_required_parameter_is_refused(client, registration, lti_log, missing):
    parameters = {
        "iss": registration.issuer,
        "login_hint": "u",
        "target_link_uri": "http://testserver/lti/launch/",
    }
    del parameters[missing]

    response = client.get("/lti/login/", parameters)

    assert response.status_code == 400
    assert lti_log.refused(f"{missing.replace('iss', 'issuer')}_missing")


def test_login_without_client_id_uses_the_only_registration_of_the_issuer(client, registration):
    response = client.get(
        "/lti/login/",
        {
            "iss": registration.issuer,
            "login_hint": "u",
            "target_link_uri": "http://testserver/lti/launch/",
            "lti_continue": "1",
        },
    )

    assert response.status_code == 302
    assert authentication_request(response["Location"])["client_id"] == registration.client_id


def test_login_without_client_id_is_refused_when_the_issuer_has_several_registrations(
    client, registration, lti_log
):
    Registration.objects.create(
        name="Tweede koppeling",
        issuer=registration.issuer,
        client_id="second-client",
        auth_login_url=registration.auth_login_url,
        auth_token_url=registration.auth_token_url,
        key_set_url=registration.key_set_url,
    )

    response = client.get(
        "/lti/login/",
        {
            "iss": registration.issuer,
            "login_hint": "u",
            "target_link_uri": "http://testserver/lti/launch/",
        },
    )

    assert response.status_code == 403
    assert lti_log.refused("issuer_unknown")


def test_login_with_a_client_id_picks_that_registration(client, registration):
    second = Registration.objects.create(
        name="Tweede koppeling",
        issuer=registration.issuer,
        client_id="second-client",
        auth_login_url=registration.auth_login_url,
        auth_token_url=registration.auth_token_url,
        key_set_url=registration.key_set_url,
    )

    response = client.get(
        "/lti/login/",
        {
            "iss": registration.issuer,
            "client_id": second.client_id,
            "login_hint": "u",
            "target_link_uri": "http://testserver/lti/launch/",
            "lti_continue": "1",
        },
    )

    assert authentication_request(response["Location"])["client_id"] == "second-client"


def test_a_refusal_page_is_dutch_and_explains_what_to_do(client, registration):
    response = client.get("/lti/login/", {"iss": "https://onbekend.example"})

    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Code voor de beheerder" in html


def test_opening_in_a_new_window_completes_the_launch(client, platform, material):
    check = client.get(platform.login_url()).content.decode()
    new_window_form = check[check.index("data-lti-new-window-form") :]
    parameters = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', new_window_form))
    new_window = Client()

    redirect = new_window.get("/lti/login/", {k: unescape(v) for k, v in parameters.items()})
    form = platform_launch_form(
        platform,
        authentication_request(redirect["Location"]),
        custom={"material_id": str(material.pk)},
    )
    response = post_launch(new_window, form)

    assert response.status_code == 303
    assert material.title in new_window.get(response["Location"]).content.decode()
