from io import StringIO

from django.core.management import call_command

import jwt
import pytest

from lti.models import ToolKey
from lti.services import tool_key_current, tool_keys_rotate

pytestmark = pytest.mark.django_db


def statuses() -> dict[str, str]:
    return dict(ToolKey.objects.values_list("status", "kid"))


def test_the_first_request_for_the_key_set_creates_a_current_and_a_next_key(client):
    response = client.get("/lti/jwks/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    keys = response.json()["keys"]
    assert set(statuses()) == {"current", "next"}
    assert {key["kid"] for key in keys} == set(statuses().values())
    assert all(
        key["kty"] == "RSA" and key["alg"] == "RS256" and key["use"] == "sig" for key in keys
    )
    assert all("d" not in key and "p" not in key for key in keys)


def test_rotation_promotes_next_to_current_and_keeps_the_previous_key_published(client):
    tool_key_current()
    before = statuses()

    call_command("lti_rotate_keys", stdout=StringIO())

    after = statuses()
    assert after["current"] == before["next"]
    assert after["previous"] == before["current"]
    assert after["next"] not in before.values()
    published = {key["kid"] for key in client.get("/lti/jwks/").json()["keys"]}
    assert published == set(after.values())


def test_a_second_rotation_retires_the_oldest_key(client):
    tool_key_current()
    first = statuses()

    tool_keys_rotate()
    tool_keys_rotate()

    assert first["current"] not in statuses().values()
    assert ToolKey.objects.count() == 3


def test_a_published_key_verifies_what_the_current_key_signs(client):
    key = tool_key_current()
    token = jwt.encode(
        {"iss": "nlka"}, key.private_key_pem, algorithm="RS256", headers={"kid": key.kid}
    )

    public = jwt.PyJWKSet.from_dict(client.get("/lti/jwks/").json())[key.kid]

    assert jwt.decode(token, public.key, algorithms=["RS256"]) == {"iss": "nlka"}


def test_the_key_set_may_be_cached_by_platforms(client):
    response = client.get("/lti/jwks/")

    assert "max-age=3600" in response["Cache-Control"]
