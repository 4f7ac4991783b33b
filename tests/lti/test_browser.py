"""The LTI pages in Chromium, inside the platform's page on another site, as teachers see them.

The platform's course page (127.0.0.1) frames the tool (localhost, pytest-django's live
server); its OIDC endpoint answers with lti1p3platform's id_token in an auto-posting form.
Chromium blocks third-party cookies by default; a profile preference allows them.
"""

import json
import tempfile
from html import escape
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from tests.browser import CHROMIUM, CHROMIUM_FLAGS, chromium_launched
from tests.lti.flows import registered_platform
from tests.lti.platform import (
    INSTRUCTOR,
    PlatformLaunch,
    PlatformRequest,
)
from tests.lti.test_dynamic_registration import (
    CONFIGURATION_PATH,
    openid_configuration,
    registered_client,
)

sync_api = pytest.importorskip("playwright.sync_api")

# Restore what migrations created: an earlier transactional test may have flushed it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COURSE = "/course"
DEEP_LINK_RETURN = "/deep-link-return"


def auto_post_form(action: str, fields: dict) -> str:
    inputs = "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in fields.items()
    )
    return (
        f'<form id="f" method="post" action="{escape(action)}">{inputs}</form>'
        "<script>document.getElementById('f').submit()</script>"
    )


@pytest.fixture
def browser(monkeypatch):
    with chromium_launched(monkeypatch) as launched:
        yield launched


def page_keeping_third_party_cookies(playwright):
    profile = tempfile.mkdtemp()
    Path(profile, "Default").mkdir()
    Path(profile, "Default", "Preferences").write_text(
        json.dumps({"profile": {"cookie_controls_mode": 0, "block_third_party_cookies": False}})
    )
    context = playwright.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, args=CHROMIUM_FLAGS
    )
    return context.new_page()


@pytest.fixture
def lms(live_server, platform_server, platform_keys, settings):
    """A learning environment on 127.0.0.1 with a course page that frames the tool."""
    settings.LTI_ALLOW_HTTP_PLATFORMS = True
    platform = registered_platform(
        platform_url=platform_server.url, tool_url=live_server.url, keys=platform_keys
    )

    def authorize(request):
        auth = dict(parse_qsl(request.query))
        launch = PlatformLaunch(PlatformRequest(auth), platform)
        launch.set_user_data(user_id="pseudonym-3", lis_roles=[INSTRUCTOR])
        if auth["lti_message_hint"] == "deep-link":
            launch.set_dl(
                f"{platform_server.url}{DEEP_LINK_RETURN}", accept_types={"ltiResourceLink"}
            )
        else:
            material_id = auth["lti_message_hint"].removeprefix("material-")
            launch.set_resource_link_claim(auth["lti_message_hint"])
            launch.set_custom_parameters_claim({"material_id": material_id})
        form = launch.lti_launch()
        return 200, auto_post_form(
            form["launch_url"], {"id_token": form["id_token"], "state": form["state"]}
        )

    def course(request):
        hint = dict(parse_qsl(request.query))["hint"]
        source = escape(platform.login_url(message_hint=hint))
        return 200, f'<h1>Rekenen</h1><iframe src="{source}" width="900" height="700"></iframe>'

    platform_server.routes[("GET", "/auth")] = authorize
    platform_server.routes[("GET", COURSE)] = course
    platform_server.routes[("POST", DEEP_LINK_RETURN)] = (200, "<p>Ontvangen</p>")
    return platform_server, platform


def tool_frame(page, path_part: str):
    """Return the frame that shows the path, waiting up to ten seconds for it to get there."""
    for _attempt in range(100):
        frame = next((frame for frame in page.frames if path_part in frame.url), None)
        if frame is not None:
            frame.wait_for_load_state()
            return frame
        page.wait_for_timeout(100)
    raise AssertionError(f"no frame at {path_part}: {[frame.url for frame in page.frames]}")


def test_the_material_opens_inside_the_course_when_the_browser_keeps_cookies(
    browser, lms, material
):
    playwright, _browser = browser
    server, _platform = lms
    page = page_keeping_third_party_cookies(playwright)

    page.goto(f"{server.url}{COURSE}?hint=material-{material.pk}")

    frame = tool_frame(page, "/lti/bekijken/")
    assert frame.locator("h1").inner_text() == material.title
    assert frame.get_by_text("Voor de leraar").is_visible()
    page.context.close()


def test_with_third_party_cookies_blocked_the_teacher_opens_the_material_in_a_new_window(
    browser, lms, material
):
    _playwright, chromium = browser
    server, _platform = lms
    page = chromium.new_page()
    page.goto(f"{server.url}{COURSE}?hint=material-{material.pk}")
    frame = tool_frame(page, "/lti/login/")
    button = frame.get_by_role("button", name="Openen in een nieuw venster")
    button.wait_for()
    assert not frame.get_by_role("button", name="Hier openen").is_visible()
    assert "blokkeert cookies" in frame.get_by_role("status").inner_text()

    with page.expect_popup() as opened:
        button.click()

    popup = opened.value
    popup.wait_for_url("**/lti/bekijken/**")
    assert popup.locator("h1").inner_text() == material.title
    assert "nieuw venster geopend" in frame.get_by_role("status").inner_text()


def test_the_chosen_material_is_posted_back_to_the_course_automatically(browser, lms, material):
    playwright, _browser = browser
    server, platform = lms
    page = page_keeping_third_party_cookies(playwright)
    page.goto(f"{server.url}{COURSE}?hint=deep-link")
    picker = tool_frame(page, "/lti/kiezen/")

    picker.get_by_label(material.title).check()
    picker.get_by_role("button", name="Toevoegen aan je cursus").click()

    tool_frame(page, DEEP_LINK_RETURN)
    [posted] = [r for r in server.received if r.method == "POST" and r.path == DEEP_LINK_RETURN]
    token = dict(parse_qsl(posted.body.decode()))["JWT"]
    [item] = platform.validate_deeplinking_resp({"JWT": token})
    assert item["custom"] == {"material_id": str(material.pk)}
    page.context.close()


def test_after_dynamic_registration_the_platform_is_asked_to_close_the_dialog(
    browser, lms, live_server
):
    _playwright, chromium = browser
    server, _platform = lms
    server.routes[("GET", CONFIGURATION_PATH)] = (200, openid_configuration(server.url))
    server.routes[("POST", "/registration")] = registered_client()
    registration_url = escape(
        f"/lti/register/?openid_configuration={server.url}{CONFIGURATION_PATH}&registration_token=t"
    )
    server.routes[("GET", "/tools")] = lambda request: (
        200,
        "<script>window.addEventListener('message', e => { document.title = e.data.subject; });"
        "</script>"
        f'<iframe src="{live_server.url}{registration_url}"></iframe>',
    )
    page = chromium.new_page()
    page.goto(f"{server.url}/tools")
    frame = tool_frame(page, "/lti/register/")

    frame.get_by_role("button", name="Koppelen").click()

    page.wait_for_function("document.title === 'org.imsglobal.lti.close'")
