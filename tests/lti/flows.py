"""The learning environment's side of a launch, run against the tool with Django's test client."""

from lti.models import Deployment, Registration
from tests.lti.platform import (
    LEARNER,
    Platform,
    PlatformLaunch,
    PlatformRequest,
    authentication_request,
)

DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"


def login(client, platform: Platform, *, user_id: str = "user-1") -> dict:
    """Initiate login, pass the cookie check, and return the tool's authentication request."""
    url = platform.login_url(user_id=user_id)
    assert client.get(url).status_code == 200
    response = client.get(f"{url}&lti_continue=1")
    assert response.status_code == 302, response.content
    return authentication_request(response["Location"])


def platform_launch_form(
    platform: Platform,
    auth: dict,
    *,
    sub: str = "pseudonym-42",
    roles=(LEARNER,),
    name: str | None = None,
    email: str | None = None,
    custom: dict | None = None,
    deep_linking: dict | None = None,
    deep_linking_settings: dict | None = None,
) -> dict:
    """Let the platform answer the authentication request: the form it posts to the tool."""
    launch = PlatformLaunch(PlatformRequest(auth), platform)
    launch.set_user_data(user_id=sub, lis_roles=list(roles), full_name=name, email_address=email)
    if deep_linking is None:
        launch.set_resource_link_claim("link-1", title="Les 3: breuken")
    else:
        launch.set_dl(**deep_linking)
        launch._deep_linking_launch_data[DEEP_LINKING_SETTINGS].update(deep_linking_settings or {})
    if custom is not None:
        launch.set_custom_parameters_claim(custom)
    launch.set_launch_context_claim("course-7", context_title="Rekenen groep 6")
    return launch.lti_launch()


def post_launch(client, form: dict):
    return client.post(form["launch_url"], {"id_token": form["id_token"], "state": form["state"]})


def resource_link_launch(client, platform: Platform, material, **claims):
    """Run a whole resource-link launch of the material; return the tool's launch response."""
    auth = login(client, platform)
    form = platform_launch_form(platform, auth, custom={"material_id": str(material.pk)}, **claims)
    return post_launch(client, form)


def registered_platform(*, platform_url: str, tool_url: str, keys) -> Platform:
    """Register the test platform with the tool, as an administrator would; return the platform."""
    registration = Registration.objects.create(
        name="Moodle",
        issuer=platform_url,
        client_id="nlka-client",
        auth_login_url=f"{platform_url}/auth",
        auth_token_url=f"{platform_url}/token",
        key_set_url=f"{platform_url}/jwks",
    )
    Deployment.objects.create(registration=registration, deployment_id="deployment-1")
    return Platform(
        issuer=platform_url,
        client_id="nlka-client",
        deployment_id="deployment-1",
        tool_url=tool_url,
        keys=keys,
        tool_key_set_url=f"{tool_url}/lti/jwks/",
    )
