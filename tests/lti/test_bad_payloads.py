"""Launches a tool must refuse: the 1EdTech certification's known bad payloads, and more.

Each test runs a real login first, so that state, cookie and nonce are right and the payload
itself is what gets the launch refused.
"""

import time

from django.test import Client

import pytest

from lti.models import Deployment, Registration
from tests.lti.flows import login, platform_launch_form, post_launch
from tests.lti.platform import CLAIM, KeyPair, resource_link_claims, signed_id_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def auth(client, platform):
    return login(client, platform)


def post_token(client, auth, token):
    return client.post("/lti/launch/", {"id_token": token, "state": auth["state"]})


def post_claims(client, platform, platform_keys, auth, claims, *, headers=None):
    headers = {"kid": platform_keys.kid} if headers is None else headers
    return post_token(client, auth, signed_id_token(platform_keys, claims, headers=headers))


def assert_refused(response, lti_log, reason, status=None):
    assert 400 <= response.status_code < 500, response.status_code
    if status is not None:
        assert response.status_code == status
    assert "Code voor de beheerder" in response.content.decode()
    assert lti_log.refused(reason), lti_log.messages


def without(claims: dict, name: str) -> dict:
    return {key: value for key, value in claims.items() if key != name}


def test_a_token_without_kid_is_refused(client, platform, platform_keys, auth, lti_log):
    response = post_claims(
        client, platform, platform_keys, auth, resource_link_claims(platform, auth), headers={}
    )

    assert_refused(response, lti_log, "kid_missing", 401)


def test_a_token_with_an_unknown_kid_is_refused(client, platform, platform_keys, auth, lti_log):
    response = post_claims(
        client,
        platform,
        platform_keys,
        auth,
        resource_link_claims(platform, auth),
        headers={"kid": "not-a-key-of-this-platform"},
    )

    assert_refused(response, lti_log, "kid_unknown", 401)


def test_a_token_signed_with_another_key_is_refused(client, platform, platform_keys, auth, lti_log):
    forged = signed_id_token(
        KeyPair.generate(), resource_link_claims(platform, auth), headers={"kid": platform_keys.kid}
    )

    assert_refused(post_token(client, auth, forged), lti_log, "signature_invalid", 401)


def test_a_token_with_the_wrong_lti_version_is_refused(
    client, platform, platform_keys, auth, lti_log
):
    claims = resource_link_claims(platform, auth, **{CLAIM + "version": "1.0.0"})

    assert_refused(
        post_claims(client, platform, platform_keys, auth, claims), lti_log, "version_wrong"
    )


def test_a_token_without_lti_version_is_refused(client, platform, platform_keys, auth, lti_log):
    claims = without(resource_link_claims(platform, auth), CLAIM + "version")

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "version_missing", 400)


def test_a_launch_that_is_not_a_jwt_is_refused(client, auth, lti_log):
    response = post_token(client, auth, "dit-is-geen-jwt")

    assert_refused(response, lti_log, "id_token_malformed", 400)


def test_a_jwt_whose_parts_are_not_json_objects_is_refused(client, auth, lti_log):
    response = post_token(client, auth, "WzEsMiwzXQ.WzEsMiwzXQ.c2lnbmF0dXJl")

    assert_refused(response, lti_log, "id_token_malformed", 400)


def test_a_launch_without_id_token_is_refused(client, auth, lti_log):
    response = client.post("/lti/launch/", {"state": auth["state"]})

    assert_refused(response, lti_log, "id_token_malformed", 400)


def test_a_token_without_any_lti_claims_is_refused(client, platform, platform_keys, auth, lti_log):
    claims = {
        key: value
        for key, value in resource_link_claims(platform, auth).items()
        if not key.startswith(CLAIM)
    }

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "deployment_id_missing", 400)


@pytest.mark.parametrize(
    "changes",
    [{"iat": 1_500_000_000, "exp": 1_500_000_300}, {"exp": int(time.time()) - 3600}],
    ids=["issued and expired long ago", "expired an hour ago"],
)
def test_a_token_with_timestamps_in_the_past_is_refused(
    client, platform, platform_keys, auth, lti_log, changes
):
    claims = resource_link_claims(platform, auth, **changes)

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "token_expired", 401)


def test_a_token_issued_in_the_future_is_refused(client, platform, platform_keys, auth, lti_log):
    claims = resource_link_claims(platform, auth, iat=int(time.time()) + 3600)

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "token_issued_in_future", 401)


@pytest.mark.parametrize("claim", ["exp", "iat"])
def test_a_token_without_exp_or_iat_is_refused(
    client, platform, platform_keys, auth, lti_log, claim
):
    claims = without(resource_link_claims(platform, auth), claim)

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, f"{claim}_missing", 401)


def test_a_clock_a_little_ahead_is_tolerated(client, platform, platform_keys, auth, material):
    claims = resource_link_claims(
        platform,
        auth,
        iat=int(time.time()) + 30,
        **{CLAIM + "custom": {"material_id": str(material.pk)}},
    )

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert response.status_code == 303


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        (CLAIM + "message_type", "message_type_missing"),
        (CLAIM + "roles", "roles_missing"),
        (CLAIM + "deployment_id", "deployment_id_missing"),
        (CLAIM + "resource_link", "resource_link_id_missing"),
        ("sub", "sub_missing"),
    ],
    ids=["message_type", "roles", "deployment_id", "resource link id", "sub"],
)
def test_a_token_missing_a_required_claim_is_refused(
    client, platform, platform_keys, auth, lti_log, claim, reason
):
    claims = without(resource_link_claims(platform, auth), claim)

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, reason, 400)


def test_a_resource_link_without_id_is_refused(client, platform, platform_keys, auth, lti_log):
    claims = resource_link_claims(platform, auth, **{CLAIM + "resource_link": {"title": "Les"}})

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "resource_link_id_missing", 400)


@pytest.mark.parametrize(
    ("claim", "value", "reason"),
    [
        (CLAIM + "roles", "Instructor", "roles_invalid"),
        (CLAIM + "resource_link", "link-1", "resource_link_invalid"),
        (CLAIM + "custom", ["material_id"], "custom_invalid"),
    ],
    ids=["roles as text", "resource link as text", "custom as list"],
)
def test_a_claim_of_the_wrong_type_is_refused_not_a_server_error(
    client, platform, platform_keys, auth, lti_log, claim, value, reason
):
    claims = resource_link_claims(platform, auth, **{claim: value})

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, reason, 400)


def test_an_unsupported_message_type_is_refused(client, platform, platform_keys, auth, lti_log):
    claims = resource_link_claims(
        platform, auth, **{CLAIM + "message_type": "DataPrivacyLaunchRequest"}
    )

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "message_type_unsupported", 400)


def test_a_replayed_launch_is_refused(client, platform, material, lti_log):
    form = platform_launch_form(
        platform, login(client, platform), custom={"material_id": str(material.pk)}
    )
    assert post_launch(client, form).status_code == 303

    replay = post_launch(client, form)

    assert_refused(replay, lti_log, "state_cookie_missing", 403)


def test_a_replayed_id_token_is_refused_even_with_the_state_cookie_restored(
    client, platform, material, lti_log
):
    form = platform_launch_form(
        platform, login(client, platform), custom={"material_id": str(material.pk)}
    )
    cookies_before_launch = {name: cookie.value for name, cookie in client.cookies.items()}
    assert post_launch(client, form).status_code == 303
    for name, value in cookies_before_launch.items():
        client.cookies[name] = value

    replay = post_launch(client, form)

    assert_refused(replay, lti_log, "nonce_replayed", 403)


def test_a_token_from_another_login_is_refused(client, platform, platform_keys, lti_log):
    first = login(client, platform)
    second = login(client, platform)
    claims = resource_link_claims(platform, first)

    response = post_claims(client, platform, platform_keys, second, claims)

    assert_refused(response, lti_log, "nonce_mismatch", 403)


def test_a_launch_from_another_browser_is_refused(client, platform, material, lti_log):
    form = platform_launch_form(
        platform, login(client, platform), custom={"material_id": str(material.pk)}
    )

    response = post_launch(Client(), form)

    assert_refused(response, lti_log, "state_cookie_missing", 403)


def test_a_launch_with_a_stolen_state_cookie_but_no_session_is_refused(
    client, platform, material, lti_log
):
    form = platform_launch_form(
        platform, login(client, platform), custom={"material_id": str(material.pk)}
    )
    thief = Client()
    state_cookie = f"lti1p3-{form['state']}"
    thief.cookies[state_cookie] = client.cookies[state_cookie].value

    response = post_launch(thief, form)

    assert_refused(response, lti_log, "state_unknown", 403)


def test_a_launch_without_state_is_refused(client, platform, platform_keys, auth, lti_log):
    token = signed_id_token(
        platform_keys, resource_link_claims(platform, auth), headers={"kid": platform_keys.kid}
    )

    response = client.post("/lti/launch/", {"id_token": token})

    assert_refused(response, lti_log, "state_missing", 403)


def test_a_token_for_another_client_is_refused(client, platform, platform_keys, auth, lti_log):
    claims = resource_link_claims(platform, auth, aud="someone-else", azp="someone-else")

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "aud_not_our_client", 403)


def test_an_azp_that_is_not_among_the_audiences_is_refused(
    client, platform, platform_keys, auth, lti_log
):
    claims = resource_link_claims(platform, auth, azp="someone-else")

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "azp_mismatch", 403)


def test_several_audiences_without_azp_are_refused(client, platform, platform_keys, auth, lti_log):
    claims = without(
        resource_link_claims(platform, auth, aud=[platform.client_id, "someone-else"]), "azp"
    )

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "azp_missing", 403)


def test_several_audiences_with_our_client_as_azp_are_accepted(
    client, platform, platform_keys, auth, material
):
    claims = resource_link_claims(
        platform,
        auth,
        aud=["someone-else", platform.client_id],
        **{CLAIM + "custom": {"material_id": str(material.pk)}},
    )

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert response.status_code == 303


def test_a_single_audience_in_a_list_needs_no_azp(client, platform, platform_keys, auth, material):
    claims = without(
        resource_link_claims(
            platform,
            auth,
            aud=[platform.client_id],
            **{CLAIM + "custom": {"material_id": str(material.pk)}},
        ),
        "azp",
    )

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert response.status_code == 303


def test_a_token_from_an_unknown_issuer_is_refused(client, platform, platform_keys, auth, lti_log):
    claims = resource_link_claims(platform, auth, iss="https://onbekend.example")

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "issuer_unknown", 403)


def test_a_launch_of_a_deactivated_registration_is_refused(
    client, platform, registration, material, lti_log
):
    auth = login(client, platform)
    form = platform_launch_form(platform, auth, custom={"material_id": str(material.pk)})
    Registration.objects.filter(pk=registration.pk).update(active=False)

    response = post_launch(client, form)

    assert_refused(response, lti_log, "issuer_unknown", 403)


def test_a_token_for_another_registration_than_the_login_is_refused(
    client, platform, platform_keys, registration, auth, lti_log
):
    other = Registration.objects.create(
        name="Tweede koppeling",
        issuer=registration.issuer,
        client_id="second-client",
        auth_login_url=registration.auth_login_url,
        auth_token_url=registration.auth_token_url,
        key_set_url=registration.key_set_url,
    )
    Deployment.objects.create(registration=other, deployment_id="deployment-1")
    claims = resource_link_claims(platform, auth, aud="second-client", azp="second-client")

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "registration_mismatch", 403)


def test_a_token_from_an_unknown_deployment_is_refused(
    client, platform, platform_keys, auth, lti_log
):
    claims = resource_link_claims(platform, auth, **{CLAIM + "deployment_id": "deployment-99"})

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "deployment_unknown", 403)


def test_a_target_link_uri_other_than_at_login_is_refused(
    client, platform, platform_keys, auth, lti_log
):
    claims = resource_link_claims(
        platform, auth, **{CLAIM + "target_link_uri": "https://elders.example/lti/launch/"}
    )

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "target_link_uri_mismatch", 403)


def test_a_token_without_nonce_is_refused(client, platform, platform_keys, auth, lti_log):
    claims = without(resource_link_claims(platform, auth), "nonce")

    response = post_claims(client, platform, platform_keys, auth, claims)

    assert_refused(response, lti_log, "nonce_missing", 400)


def test_a_token_with_an_algorithm_other_than_rs256_is_refused(
    client, platform, platform_keys, auth, lti_log
):
    import jwt

    token = jwt.encode(
        resource_link_claims(platform, auth),
        "een-gedeeld-geheim-van-minstens-32-bytes",
        algorithm="HS256",
        headers={"kid": platform_keys.kid},
    )

    response = post_token(client, auth, token)

    assert_refused(response, lti_log, "alg_unsupported", 401)


def test_platform_keys_that_cannot_be_fetched_refuse_the_launch(
    client, platform, platform_keys, platform_server, auth, lti_log
):
    platform_server.routes[("GET", "/jwks")] = (500, {})

    response = post_claims(
        client, platform, platform_keys, auth, resource_link_claims(platform, auth)
    )

    assert_refused(response, lti_log, "platform_keys_unavailable", 401)


def test_a_platform_that_rotated_its_key_is_trusted_after_fetching_its_keys_again(
    client, platform, platform_keys, platform_server, material
):
    old_keys = KeyPair.generate()
    platform_server.routes[("GET", "/jwks")] = (200, {"keys": [old_keys.jwk]})
    custom = {CLAIM + "custom": {"material_id": str(material.pk)}}
    auth = login(client, platform)
    claims = resource_link_claims(platform, auth, **custom)
    assert post_claims(client, platform, old_keys, auth, claims).status_code == 303
    platform_server.routes[("GET", "/jwks")] = (200, {"keys": [old_keys.jwk, platform_keys.jwk]})
    auth = login(client, platform)

    response = post_claims(
        client, platform, platform_keys, auth, resource_link_claims(platform, auth, **custom)
    )

    assert response.status_code == 303
    assert [r.path for r in platform_server.received].count("/jwks") == 2
