import re
from html import unescape

import jwt
import pytest

from lti.models import ToolKey
from metadata.models import Concept
from tests.accounts.factories import TeacherFactory
from tests.lti.flows import login, platform_launch_form, post_launch, resource_link_launch
from tests.lti.platform import CLAIM, INSTRUCTOR
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"


def return_url(platform) -> str:
    return f"{platform.issuer}/deep-link-return"


def start_picking(client, platform, *, data=None, **settings):
    """Run a deep-linking launch as a teacher; return the picker's URL."""
    form = platform_launch_form(
        platform,
        login(client, platform),
        roles=[INSTRUCTOR],
        deep_linking={
            "deep_link_return_url": return_url(platform),
            "title": "Leermiddel toevoegen",
            "accept_types": {"ltiResourceLink"},
            "extra_data": data,
        },
        deep_linking_settings=settings,
    )
    response = post_launch(client, form)
    assert response.status_code == 303, response.content
    return response["Location"]


def returned_jwt(response) -> str:
    match = re.search(r'name="JWT" value="([^"]+)"', response.content.decode())
    return unescape(match.group(1))


def tool_public_keys(client) -> dict:
    return client.get("/lti/jwks/").json()


def decode_response(client, token, platform) -> dict:
    """Check the tool's signature ourselves: lti1p3platform skips aud, iss, nonce, deployment."""
    key_set = jwt.PyJWKSet.from_dict(tool_public_keys(client))
    kid = jwt.get_unverified_header(token)["kid"]
    key = next(key for key in key_set.keys if key.key_id == kid)
    return jwt.decode(token, key.key, algorithms=["RS256"], audience=platform.issuer)


@pytest.fixture
def materials(material):
    other = published_material(TeacherFactory(), title="Tafels oefenen")
    return [material, other]


def test_a_teacher_picks_materials_and_the_platform_accepts_the_signed_links(
    client, platform, registration, materials
):
    picker_url = start_picking(client, platform, data={"placement": "week-3"})
    page = client.get(picker_url)
    assert all(material.title in page.content.decode() for material in materials)

    response = client.post(
        picker_url, {"materials": [materials[1].pk, materials[0].pk], "actie": "kiezen"}
    )

    assert response.status_code == 200
    assert f'action="{return_url(platform)}"' in response.content.decode()
    token = returned_jwt(response)
    platform._registration.set_tool_key_set(tool_public_keys(client))
    items = platform.validate_deeplinking_resp({"JWT": token})
    assert [item["title"] for item in items] == ["Tafels oefenen", "Breuken vergelijken"]
    assert [item["type"] for item in items] == ["ltiResourceLink", "ltiResourceLink"]
    assert items[0]["custom"] == {"material_id": str(materials[1].pk)}
    assert items[1]["url"] == "http://testserver/lti/launch/"
    assert "?" not in items[1]["url"]
    assert items[1]["text"] == materials[0].summary


def test_the_deep_linking_response_is_addressed_to_the_platform_and_signed_with_the_current_key(
    client, platform, registration, materials
):
    picker_url = start_picking(client, platform, data={"placement": "week-3"})

    response = client.post(picker_url, {"materials": [materials[0].pk], "actie": "kiezen"})

    token = returned_jwt(response)
    claims = decode_response(client, token, platform)
    assert claims["iss"] == registration.client_id
    assert claims["aud"] == [registration.issuer]
    assert claims["nonce"]
    assert claims[CLAIM + "deployment_id"] == "deployment-1"
    assert claims[CLAIM + "message_type"] == "LtiDeepLinkingResponse"
    assert claims[CLAIM + "version"] == "1.3.0"
    assert claims[DL + "data"] == {"placement": "week-3"}
    assert claims["exp"] > claims["iat"]
    current = ToolKey.objects.get(status=ToolKey.Status.CURRENT)
    assert jwt.get_unverified_header(token)["kid"] == current.kid


def test_a_chosen_link_launches_the_material_in_the_course(client, platform, materials):
    picker_url = start_picking(client, platform)
    token = returned_jwt(client.post(picker_url, {"materials": [materials[1].pk]}))
    platform._registration.set_tool_key_set(tool_public_keys(client))
    [item] = platform.validate_deeplinking_resp({"JWT": token})

    form = platform_launch_form(platform, login(client, platform), custom=item["custom"])
    response = post_launch(client, form)

    assert materials[1].title in client.get(response["Location"]).content.decode()


def test_without_data_from_the_platform_no_data_claim_is_returned(client, platform, materials):
    picker_url = start_picking(client, platform)

    token = returned_jwt(client.post(picker_url, {"materials": [materials[0].pk]}))

    assert DL + "data" not in decode_response(client, token, platform)


def test_a_platform_that_accepts_one_item_gets_radio_buttons(client, platform, materials):
    picker_url = start_picking(client, platform, accept_multiple=False)

    html = client.get(picker_url).content.decode()

    assert 'type="radio"' in html
    assert 'type="checkbox"' not in html


def test_a_platform_that_accepts_one_item_cannot_be_sent_two(client, platform, materials):
    picker_url = start_picking(client, platform, accept_multiple=False)

    response = client.post(picker_url, {"materials": [m.pk for m in materials]})

    assert response.status_code == 400
    assert "één leermiddel tegelijk" in response.content.decode()


def test_choosing_nothing_asks_for_a_choice(client, platform, materials):
    picker_url = start_picking(client, platform)

    response = client.post(picker_url, {"actie": "kiezen"})

    assert response.status_code == 400
    assert "Kies een leermiddel" in response.content.decode()


def test_cancelling_returns_an_empty_choice_to_the_platform(client, platform, materials):
    picker_url = start_picking(client, platform)

    response = client.post(picker_url, {"actie": "annuleren"})

    platform._registration.set_tool_key_set(tool_public_keys(client))
    assert platform.validate_deeplinking_resp({"JWT": returned_jwt(response)}) == []


def test_a_deep_linking_request_is_answered_only_once(client, platform, materials, lti_log):
    picker_url = start_picking(client, platform)
    client.post(picker_url, {"materials": [materials[0].pk]})

    again = client.post(picker_url, {"materials": [materials[1].pk]})

    assert again.status_code == 403
    assert lti_log.refused("launch_not_in_session")


def test_the_picker_searches_titles_and_summaries(client, platform, materials):
    picker_url = start_picking(client, platform)

    html = client.get(picker_url, {"q": "tafels"}).content.decode()

    assert "Tafels oefenen" in html
    assert "Breuken vergelijken" not in html


def test_the_picker_filters_by_level_and_subject(client, platform, materials):
    picker_url = start_picking(client, platform)
    other_level = Concept.objects.filter(scheme__slug="levels").exclude(notation="groep 6").first()
    materials[1].levels.set([other_level])
    materials[1].save()
    level = Concept.objects.get(scheme__slug="levels", notation="groep 6")
    subject = Concept.objects.get(scheme__slug="subjects", notation="rw")

    by_level = client.get(picker_url, {"niveau": level.pk}).content.decode()
    by_subject = client.get(picker_url, {"vak": subject.pk}).content.decode()

    assert "Breuken vergelijken" in by_level and "Tafels oefenen" not in by_level
    assert "Breuken vergelijken" in by_subject


def test_the_picker_shows_only_published_materials(client, platform, materials):
    materials[1].live = False
    materials[1].save()
    picker_url = start_picking(client, platform)

    html = client.get(picker_url).content.decode()
    response = client.post(picker_url, {"materials": [materials[1].pk]})

    assert "Tafels oefenen" not in html
    assert response.status_code == 400


def test_the_picker_may_be_framed_by_the_platform_and_post_back_to_it(
    client, platform, registration, materials
):
    picker_url = start_picking(client, platform)

    page = client.get(picker_url)
    answer = client.post(picker_url, {"materials": [materials[0].pk]})

    assert f"frame-ancestors {registration.issuer}" in page["Content-Security-Policy"]
    assert "X-Frame-Options" not in page.headers
    assert re.search(
        rf"form-action [^;]*{re.escape(registration.issuer)}", answer["Content-Security-Policy"]
    )
    assert "js/lti-auto-submit.js" in answer.content.decode()


def test_a_platform_that_does_not_accept_resource_links_is_refused(client, platform, lti_log):
    form = platform_launch_form(
        platform,
        login(client, platform),
        deep_linking={"deep_link_return_url": return_url(platform), "accept_types": {"link"}},
    )

    response = post_launch(client, form)

    assert response.status_code == 400
    assert lti_log.refused("deep_linking_type_not_accepted")


def test_a_deep_linking_request_without_return_url_is_refused(client, platform, lti_log):
    form = platform_launch_form(
        platform,
        login(client, platform),
        deep_linking={"deep_link_return_url": return_url(platform)},
        deep_linking_settings={"deep_link_return_url": ""},
    )

    response = post_launch(client, form)

    assert response.status_code == 400
    assert lti_log.refused("deep_link_return_url_missing")


def test_the_picker_of_a_resource_link_launch_is_refused(client, platform, material, lti_log):
    viewer_url = resource_link_launch(client, platform, material)["Location"]
    launch_id = viewer_url.rstrip("/").rsplit("/", 1)[1]

    response = client.get(f"/lti/kiezen/{launch_id}/")

    assert response.status_code == 403
    assert lti_log.refused("launch_wrong_type")
