import json
from pathlib import Path

from django.contrib.staticfiles import finders

import pytest

from lti.models import Registration
from tests.lti.flows import resource_link_launch
from tests.lti.platform import Platform

pytestmark = pytest.mark.django_db

TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
CONFIGURATION_PATH = "/.well-known/openid-configuration"


def openid_configuration(base: str, **changes) -> dict:
    configuration = {
        "issuer": base,
        "authorization_endpoint": f"{base}/auth",
        "token_endpoint": f"{base}/token",
        "jwks_uri": f"{base}/jwks",
        "registration_endpoint": f"{base}/registration",
        "scopes_supported": ["openid"],
        "response_types_supported": ["id_token"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "https://purl.imsglobal.org/spec/lti-platform-configuration": {
            "product_family_code": "moodle",
            "version": "4.5",
            "messages_supported": [
                {"type": "LtiResourceLinkRequest"},
                {"type": "LtiDeepLinkingRequest"},
            ],
        },
    }
    configuration.update(changes)
    return configuration


def registered_client(deployment_id="dynamic-deployment"):
    def answer(received):
        request = json.loads(received.body)
        tool = dict(request[TOOL_CONFIGURATION])
        if deployment_id:
            tool["deployment_id"] = deployment_id
        return 200, {**request, "client_id": "dynamic-client", TOOL_CONFIGURATION: tool}

    return answer


@pytest.fixture
def lms(settings, platform_server):
    """A learning environment that supports dynamic registration, over HTTP on 127.0.0.1."""
    settings.LTI_ALLOW_HTTP_PLATFORMS = True
    platform_server.routes[("GET", CONFIGURATION_PATH)] = (
        200,
        openid_configuration(platform_server.url),
    )
    platform_server.routes[("POST", "/registration")] = registered_client()
    return platform_server


def registration_parameters(lms) -> dict:
    return {
        "openid_configuration": f"{lms.url}{CONFIGURATION_PATH}",
        "registration_token": "eenmalig-token",
    }


def test_the_registration_page_shows_the_platform_before_registering(client, lms):
    response = client.get("/lti/register/", registration_parameters(lms))

    assert response.status_code == 200
    assert "Moodle (127.0.0.1:" in response.content.decode()
    assert not Registration.objects.exists()
    [fetch] = lms.received
    assert fetch.headers["Authorization"] == "Bearer eenmalig-token"


def test_dynamic_registration_stores_the_registration_and_its_deployment(client, lms):
    response = client.post("/lti/register/", registration_parameters(lms))

    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.issuer == lms.url
    assert registration.client_id == "dynamic-client"
    assert registration.auth_login_url == f"{lms.url}/auth"
    assert registration.auth_token_url == f"{lms.url}/token"
    assert registration.key_set_url == f"{lms.url}/jwks"
    assert registration.registered_dynamically and registration.active
    assert list(registration.deployments.values_list("deployment_id", flat=True)) == [
        "dynamic-deployment"
    ]


def test_the_tool_registers_its_urls_the_deep_linking_message_and_no_personal_claims(client, lms):
    client.post("/lti/register/", registration_parameters(lms))

    [posted] = [request for request in lms.received if request.method == "POST"]
    assert posted.headers["Authorization"] == "Bearer eenmalig-token"
    body = json.loads(posted.body)
    assert body["initiate_login_uri"] == "http://testserver/lti/login/"
    assert body["redirect_uris"] == ["http://testserver/lti/launch/"]
    assert body["jwks_uri"] == "http://testserver/lti/jwks/"
    assert body["response_types"] == ["id_token"]
    assert body["token_endpoint_auth_method"] == "private_key_jwt"
    assert body["scope"] == ""
    tool = body[TOOL_CONFIGURATION]
    assert tool["target_link_uri"] == "http://testserver/lti/launch/"
    assert tool["domain"] == "testserver"
    assert tool["claims"] == ["iss", "sub"]
    assert tool["messages"][0]["type"] == "LtiDeepLinkingRequest"
    assert tool["messages"][0]["target_link_uri"] == "http://testserver/lti/launch/"


def test_after_registering_the_page_asks_the_platform_to_close_it(client, lms):
    response = client.post("/lti/register/", registration_parameters(lms))

    html = response.content.decode()
    assert "js/lti-register-close.js" in html
    assert "data-lti-close-now" in html
    assert "<script>" not in html
    script = Path(finders.find("js/lti-register-close.js")).read_text()
    assert 'window.parent.postMessage({ subject: "org.imsglobal.lti.close" }, "*")' in script


def test_the_registration_page_may_be_framed_or_opened_by_the_platform(client, lms):
    response = client.post("/lti/register/", registration_parameters(lms))

    assert f"frame-ancestors {lms.url}" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    assert response["Cross-Origin-Opener-Policy"] == "unsafe-none"


def test_a_dynamically_registered_platform_can_launch_at_once(client, lms, platform_keys, material):
    client.post("/lti/register/", registration_parameters(lms))
    platform = Platform(
        issuer=lms.url,
        client_id="dynamic-client",
        deployment_id="dynamic-deployment",
        tool_url="http://testserver",
        keys=platform_keys,
    )

    response = resource_link_launch(client, platform, material)

    assert response.status_code == 303


def test_registering_again_updates_the_registration_and_adds_the_deployment(client, lms):
    client.post("/lti/register/", registration_parameters(lms))
    lms.routes[("POST", "/registration")] = registered_client("second-deployment")

    client.post("/lti/register/", registration_parameters(lms))

    registration = Registration.objects.get()
    assert set(registration.deployments.values_list("deployment_id", flat=True)) == {
        "dynamic-deployment",
        "second-deployment",
    }


def test_a_registration_without_deployment_warns_and_stays_open(client, lms):
    lms.routes[("POST", "/registration")] = registered_client(deployment_id=None)

    response = client.post("/lti/register/", registration_parameters(lms))

    assert not Registration.objects.get().deployments.exists()
    assert "geen deployment-ID" in response.content.decode()
    assert "data-lti-close-now" not in response.content.decode()


def test_an_issuer_that_differs_from_the_configuration_origin_is_refused(client, lms, lti_log):
    lms.routes[("GET", CONFIGURATION_PATH)] = (
        200,
        openid_configuration(lms.url, issuer="https://elders.example"),
    )

    response = client.post("/lti/register/", registration_parameters(lms))

    assert response.status_code == 400
    assert not Registration.objects.exists()
    assert any("(issuer_origin_mismatch)" in message for message in lti_log.messages)


def test_a_configuration_over_plain_http_is_refused_unless_allowed(client, lms, settings, lti_log):
    settings.LTI_ALLOW_HTTP_PLATFORMS = False

    response = client.get("/lti/register/", registration_parameters(lms))

    assert response.status_code == 400
    assert lms.received == []
    assert any("(url_invalid)" in message for message in lti_log.messages)


def test_a_registration_the_platform_rejects_is_reported(client, lms, lti_log):
    lms.routes[("POST", "/registration")] = (401, {"error": "invalid_token"})

    response = client.post("/lti/register/", registration_parameters(lms))

    assert response.status_code == 400
    assert "Koppelen is niet gelukt" in response.content.decode()
    assert not Registration.objects.exists()
    assert any("(platform_http_error)" in message for message in lti_log.messages)


def test_a_configuration_missing_an_endpoint_is_refused(client, lms, lti_log):
    configuration = openid_configuration(lms.url)
    del configuration["registration_endpoint"]
    lms.routes[("GET", CONFIGURATION_PATH)] = (200, configuration)

    response = client.get("/lti/register/", registration_parameters(lms))

    assert response.status_code == 400
    assert any("(url_invalid)" in message for message in lti_log.messages)


def test_the_registration_page_without_configuration_url_is_refused(client, lti_log):
    response = client.get("/lti/register/")

    assert response.status_code == 400
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
