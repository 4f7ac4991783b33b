"""The whole journey over real HTTP on 127.0.0.1: register, launch, pick, launch the pick.

The tool runs in pytest-django's live server; the learning environment is lti1p3platform
plus a small HTTP server for its public endpoints; a requests session plays the browser.
"""

import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from tests.lti.platform import (
    INSTRUCTOR,
    LEARNER,
    Platform,
    PlatformLaunch,
    PlatformRequest,
    authentication_request,
)
from tests.lti.test_dynamic_registration import (
    CONFIGURATION_PATH,
    openid_configuration,
    registered_client,
)

# Restore what migrations created: an earlier transactional test may have flushed it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class LoopbackBrowser(requests.Session):
    """Sends Secure cookies to http://localhost too, as browsers do for loopback addresses.

    (http.cookiejar would withhold them from plain http, and requests drops a jar's policy.)
    """

    def prepare_request(self, request):
        prepared = super().prepare_request(request)
        path = urlsplit(prepared.url).path
        self.cookies.clear_expired_cookies()
        cookies = [f"{c.name}={c.value}" for c in self.cookies if path.startswith(c.path)]
        if cookies:
            prepared.headers["Cookie"] = "; ".join(cookies)
        return prepared


@pytest.fixture
def browser():
    session = LoopbackBrowser()
    yield session
    session.close()


def hidden_inputs(html: str, form_marker: str) -> dict:
    form = re.search(rf"<form[^>]*{form_marker}[^>]*>(.*?)</form>", html, re.S).group(1)
    return {
        unescape(name): unescape(value)
        for name, value in re.findall(r'name="([^"]+)" value="([^"]*)"', form)
    }


def open_from_platform(browser, live_server, platform, **claims):
    """Follow the login and launch as a browser would; return the tool's final page."""
    check = browser.get(platform.login_url())
    assert check.status_code == 200
    parameters = hidden_inputs(check.text, "data-lti-continue")
    redirect = browser.get(
        f"{live_server.url}/lti/login/", params=parameters, allow_redirects=False
    )
    assert redirect.status_code == 302
    launch = PlatformLaunch(
        PlatformRequest(authentication_request(redirect.headers["Location"])), platform
    )
    launch.set_user_data(user_id="pseudonym-9", lis_roles=claims.pop("roles", [LEARNER]))
    if "deep_link_return_url" in claims:
        launch.set_dl(claims.pop("deep_link_return_url"), accept_types={"ltiResourceLink"})
    else:
        launch.set_resource_link_claim("link-9")
    if "custom" in claims:
        launch.set_custom_parameters_claim(claims.pop("custom"))
    form = launch.lti_launch()
    launched = browser.post(
        form["launch_url"],
        data={"id_token": form["id_token"], "state": form["state"]},
        allow_redirects=False,
    )
    assert launched.status_code == 303, launched.text
    return browser.get(urljoin(live_server.url, launched.headers["Location"]))


def test_register_pick_and_launch_over_real_http(
    live_server, browser, settings, platform_server, platform_keys, material
):
    settings.LTI_ALLOW_HTTP_PLATFORMS = True
    platform_server.routes[("GET", CONFIGURATION_PATH)] = (
        200,
        openid_configuration(platform_server.url),
    )
    platform_server.routes[("POST", "/registration")] = registered_client()
    configuration_url = f"{platform_server.url}{CONFIGURATION_PATH}"

    confirm = browser.get(
        f"{live_server.url}/lti/register/",
        params={"openid_configuration": configuration_url, "registration_token": "t"},
    )
    registered = browser.post(
        f"{live_server.url}/lti/register/", data=hidden_inputs(confirm.text, 'method="post"')
    )
    assert registered.status_code == 200

    platform = Platform(
        issuer=platform_server.url,
        client_id="dynamic-client",
        deployment_id="dynamic-deployment",
        tool_url=live_server.url,
        keys=platform_keys,
        tool_key_set_url=f"{live_server.url}/lti/jwks/",
    )
    picker = open_from_platform(
        browser,
        live_server,
        platform,
        roles=[INSTRUCTOR],
        deep_link_return_url=f"{platform_server.url}/deep-link-return",
    )
    assert material.title in picker.text

    answer = browser.post(picker.url, data={"materials": str(material.pk), "actie": "kiezen"})
    token = hidden_inputs(answer.text, "data-lti-auto-submit")["JWT"]
    [item] = platform.validate_deeplinking_resp({"JWT": token})
    assert item["custom"] == {"material_id": str(material.pk)}

    viewer = open_from_platform(browser, live_server, platform, custom=item["custom"])
    assert viewer.status_code == 200
    assert material.title in viewer.text
    assert "frame-ancestors " + platform_server.url in viewer.headers["Content-Security-Policy"]
