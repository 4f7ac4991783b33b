"""A learning environment frames the tool: a teacher picks two materials, a student opens one.

The learning environment (the far edge) is the test platform of tests/lti on 127.0.0.1; its
course page frames the tool, served by the live server on localhost, in an iframe.
"""

from html import escape
from urllib.parse import parse_qsl

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser import chromium_launched
from tests.e2e.test_accessibility import WCAG_AA_TAGS
from tests.lti.conftest import platform_http, platform_keys, platform_server  # noqa: F401
from tests.lti.flows import DEEP_LINKING_SETTINGS, registered_platform
from tests.lti.platform import (
    INSTRUCTOR,
    LEARNER,
    PlatformLaunch,
    PlatformRequest,
)
from tests.lti.test_browser import (
    COURSE,
    DEEP_LINK_RETURN,
    auto_post_form,
    page_keeping_third_party_cookies,
    tool_frame,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LINKS = "/links"
axe = Axe()


@pytest.fixture
def playwright(monkeypatch):
    with chromium_launched(monkeypatch) as (launched, _browser):
        yield launched


@pytest.fixture
def lms(live_server, platform_server, platform_keys, settings):  # noqa: F811
    """A course that frames the tool: a teacher adds materials, students open the links."""
    settings.LTI_ALLOW_HTTP_PLATFORMS = True
    platform = registered_platform(
        platform_url=platform_server.url, tool_url=live_server.url, keys=platform_keys
    )

    def authorize(request):
        auth = dict(parse_qsl(request.query))
        launch = PlatformLaunch(PlatformRequest(auth), platform)
        hint = auth["lti_message_hint"]
        if hint == "deep-link":
            launch.set_user_data(user_id="teacher-3", lis_roles=[INSTRUCTOR])
            launch.set_dl(
                f"{platform_server.url}{DEEP_LINK_RETURN}", accept_types={"ltiResourceLink"}
            )
            launch._deep_linking_launch_data[DEEP_LINKING_SETTINGS]["accept_multiple"] = True
        else:
            # A student follows a link the teacher added: its custom parameters come back.
            launch.set_user_data(user_id="student-8", lis_roles=[LEARNER])
            launch.set_resource_link_claim(hint)
            launch.set_custom_parameters_claim({"material_id": hint.removeprefix("material-")})
        form = launch.lti_launch()
        return 200, auto_post_form(
            form["launch_url"], {"id_token": form["id_token"], "state": form["state"]}
        )

    def course(request):
        hint = dict(parse_qsl(request.query))["hint"]
        source = escape(platform.login_url(message_hint=hint))
        return 200, (
            '<!doctype html><html lang="nl"><title>Rekenen</title><h1>Rekenen</h1>'
            f'<iframe title="NLKA" src="{source}" width="1000" height="700"></iframe>'
        )

    platform_server.routes[("GET", "/auth")] = authorize
    platform_server.routes[("GET", COURSE)] = course
    platform_server.routes[("POST", DEEP_LINK_RETURN)] = (200, "<p>Ontvangen</p>")
    return platform_server, platform


def frame_violations(frame) -> list[str]:
    """Run axe inside the tool's frame and describe each WCAG A/AA violation."""
    options = {"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}}
    violations = axe.run(frame, options=options).response["violations"]
    return [
        f"{frame.url}: {rule['id']} ({rule['impact']}) at "
        + ", ".join(" ".join(node["target"]) for node in rule["nodes"])
        for rule in violations
    ]


def test_a_teacher_picks_two_materials_in_the_framed_picker_and_a_student_opens_one(
    playwright, lms, site, screenshots
):
    server, platform = lms
    page = page_keeping_third_party_cookies(playwright)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{server.url}{COURSE}?hint=deep-link")
    picker = tool_frame(page, "/lti/kiezen/")

    picker.get_by_label(site.material.title, exact=True).check()
    picker.get_by_label(site.other_material.title, exact=True).check()
    screenshots.taken["lti-picker-in-course"] = page.screenshot()
    picker.get_by_role("button", name="Toevoegen aan je cursus").click()
    tool_frame(page, DEEP_LINK_RETURN)
    [posted] = [r for r in server.received if r.method == "POST" and r.path == DEEP_LINK_RETURN]
    items = platform.validate_deeplinking_resp(dict(parse_qsl(posted.body.decode())))

    assert sorted(item["custom"]["material_id"] for item in items) == sorted(
        [str(site.material.pk), str(site.other_material.pk)]
    )
    page.goto(f"{server.url}{COURSE}?hint=material-{items[0]['custom']['material_id']}")
    viewer = tool_frame(page, "/lti/bekijken/")
    expect(viewer.locator("h1")).to_be_visible()
    assert viewer.locator("h1").inner_text() in {site.material.title, site.other_material.title}
    assert not viewer.get_by_text("Voor de leraar").is_visible()
    screenshots.taken["lti-viewer-in-course"] = page.screenshot()
    page.context.close()
    screenshots.save()


def test_the_framed_picker_and_viewer_pass_axe_wcag_a_and_aa(playwright, lms, site):
    server, _platform = lms
    page = page_keeping_third_party_cookies(playwright)
    page.goto(f"{server.url}{COURSE}?hint=deep-link")
    picker = tool_frame(page, "/lti/kiezen/")
    picker.locator("h1").wait_for()
    violations = frame_violations(picker)
    page.goto(f"{server.url}{COURSE}?hint=material-{site.material.pk}")
    viewer = tool_frame(page, "/lti/bekijken/")
    viewer.locator("h1").wait_for()
    violations += frame_violations(viewer)
    page.context.close()

    assert not violations, "\n".join(violations)
