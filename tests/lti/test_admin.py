import pytest

from lti.models import Registration
from tests.accounts.factories import EditorFactory, ReviewerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def test_an_administrator_lists_the_registrations(client, administrator, registration):
    response = client.get("/admin/lti-koppelingen/")

    assert response.status_code == 200
    assert "Moodle van het Testcollege" in response.content.decode()


def test_an_administrator_adds_a_registration_with_its_deployments(client, administrator):
    response = client.post(
        "/admin/lti-koppelingen/new/",
        {
            "name": "Brightspace Lyceum",
            "active": "on",
            "issuer": "https://lyceum.brightspace.example",
            "client_id": "abc-123",
            "auth_login_url": "https://lyceum.brightspace.example/d2l/lti/authenticate",
            "auth_token_url": "https://auth.brightspace.example/core/connect/token",
            "key_set_url": "https://lyceum.brightspace.example/d2l/.well-known/jwks",
            "extra_origins": "",
            "deployments-TOTAL_FORMS": "2",
            "deployments-INITIAL_FORMS": "0",
            "deployments-MIN_NUM_FORMS": "0",
            "deployments-MAX_NUM_FORMS": "1000",
            "deployments-0-deployment_id": "dep-1",
            "deployments-1-deployment_id": "dep-2",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    registration = Registration.objects.get(client_id="abc-123")
    assert sorted(registration.deployments.values_list("deployment_id", flat=True)) == [
        "dep-1",
        "dep-2",
    ]


def test_an_extra_origin_must_be_an_address_without_a_path(client, administrator):
    registration = Registration(
        name="Canvas",
        issuer="https://canvas.instructure.com",
        client_id="1",
        auth_login_url="https://sso.canvaslms.com/api/lti/authorize_redirect",
        auth_token_url="https://sso.canvaslms.com/login/oauth2/token",
        key_set_url="https://sso.canvaslms.com/api/lti/security/jwks",
        extra_origins="https://school.instructure.com\nhttps://school.example/pad",
    )

    with pytest.raises(Exception, match="school.example/pad"):
        registration.full_clean()


def test_extra_origins_may_frame_launch_pages():
    registration = Registration(
        issuer="https://canvas.instructure.com",
        auth_login_url="https://sso.canvaslms.com/api/lti/authorize_redirect",
        extra_origins="https://*.instructure.com\n",
    )

    assert registration.platform_origins() == [
        "https://canvas.instructure.com",
        "https://sso.canvaslms.com",
        "https://*.instructure.com",
    ]


def test_an_administrator_sees_the_values_for_a_manual_registration(client, administrator):
    response = client.get("/admin/lti-gegevens/")

    html = response.content.decode()
    assert response.status_code == 200
    for url in (
        "http://testserver/lti/login/",
        "http://testserver/lti/launch/",
        "http://testserver/lti/jwks/",
        "http://testserver/lti/register/",
    ):
        assert url in html


@pytest.mark.parametrize("factory", [EditorFactory, ReviewerFactory])
def test_editors_and_reviewers_cannot_manage_registrations(client, registration, factory):
    client.force_login(factory())

    listing = client.get("/admin/lti-koppelingen/")
    values = client.get("/admin/lti-gegevens/")

    assert listing.status_code in (302, 403)
    assert values.status_code in (302, 403)


def test_the_lti_menu_is_shown_to_administrators(client, administrator):
    response = client.get("/admin/")

    assert "lti-koppelingen" in response.content.decode()


def test_the_lti_menu_is_hidden_from_editors(client):
    client.force_login(EditorFactory())

    response = client.get("/admin/")

    assert "lti-koppelingen" not in response.content.decode()
