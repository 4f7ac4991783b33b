from django.contrib.sessions.models import Session
from django.test import Client

import pytest

from lti.models import LaunchCount, UsedNonce
from lti.selectors import material_launch_count
from tests.lti.flows import login, platform_launch_form, post_launch, resource_link_launch
from tests.lti.platform import ADMINISTRATOR, INSTRUCTOR, LEARNER

pytestmark = pytest.mark.django_db

UNKNOWN_ROLE = "http://example.org/roles#Dinosaur"


def test_resource_link_launch_shows_the_material_with_its_files_licence_and_attribution(
    client, platform, material
):
    response = resource_link_launch(client, platform, material)

    assert response.status_code == 303
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert material.title in html
    assert material.summary in html
    version = material.versions.get()
    version_file = version.files.get()
    assert f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/" in html
    assert "CC BY 4.0" in html
    assert "door Anna de Vries" in html
    assert f"http://testserver/leermiddelen/{material.pk}/" in html


def test_the_file_link_in_the_viewer_downloads_the_file(client, platform, material):
    page = client.get(resource_link_launch(client, platform, material)["Location"])
    version_file = material.versions.get().files.get()

    download = client.get(f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/")

    assert f"/leermiddelen/{material.pk}/v1/bestanden/{version_file.pk}/" in page.content.decode()
    assert download.status_code in (200, 302)


def test_a_student_sees_no_metadata_for_teachers(client, platform, material):
    page = client.get(resource_link_launch(client, platform, material, roles=[LEARNER])["Location"])

    assert "Voor de leraar" not in page.content.decode()


@pytest.mark.parametrize("role", [INSTRUCTOR, ADMINISTRATOR, "Instructor"])
def test_an_instructor_also_sees_metadata_and_a_link_to_the_full_site(
    client, platform, material, role
):
    page = client.get(resource_link_launch(client, platform, material, roles=[role])["Location"])

    html = page.content.decode()
    assert "Voor de leraar" in html
    assert "groep 6" in html
    assert "Bekijk dit leermiddel op de NLKA-site" in html


@pytest.mark.parametrize(
    "claims",
    [
        {"roles": [LEARNER, INSTRUCTOR, ADMINISTRATOR]},
        {"roles": [UNKNOWN_ROLE]},
        {"roles": []},
        {"roles": [""]},
        {"name": None, "email": None},
        {"email": "leerling@school.example"},
    ],
    ids=[
        "several roles",
        "unknown role",
        "no roles",
        "empty role",
        "no personal data",
        "email only",
    ],
)
def test_valid_variants_of_a_launch_are_accepted(client, platform, material, claims):
    response = resource_link_launch(client, platform, material, **claims)

    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200


def test_a_launch_counts_one_use_per_launch_without_personal_data(
    client, platform, registration, material
):
    resource_link_launch(client, platform, material)
    resource_link_launch(Client(), platform, material)

    counter = LaunchCount.objects.get()
    assert (counter.material, counter.registration, counter.count) == (material, registration, 2)
    assert material_launch_count(material) == 2


def test_the_viewer_can_be_reloaded_without_counting_again(client, platform, material):
    viewer_url = resource_link_launch(client, platform, material)["Location"]

    assert client.get(viewer_url).status_code == 200
    assert client.get(viewer_url).status_code == 200
    assert material_launch_count(material) == 1


def test_names_and_email_addresses_are_not_stored(client, platform, material):
    resource_link_launch(
        client, platform, material, name="Jan Jansen", email="jan.jansen@school.example"
    )

    stored = " ".join(str(session.get_decoded()) for session in Session.objects.all())
    assert "pseudonym-42" in stored
    assert "Jan Jansen" not in stored
    assert "jan.jansen" not in stored
    assert "Rekenen groep 6" not in stored


def test_an_instructor_launch_logs_nobody_in_and_grants_no_site_role(client, platform, material):
    response = resource_link_launch(client, platform, material, roles=[INSTRUCTOR, ADMINISTRATOR])
    page = client.get(response["Location"])

    assert page.wsgi_request.user.is_anonymous
    assert "sessionid" not in client.cookies
    assert client.get("/admin/").status_code == 302


def test_the_launch_records_its_nonce_as_used(client, platform, registration, material):
    resource_link_launch(client, platform, material)

    assert UsedNonce.objects.filter(registration=registration).count() == 1


def test_lti_cookies_are_samesite_none_secure_and_limited_to_lti(client, platform, material):
    response = resource_link_launch(client, platform, material)

    session_cookie = response.cookies["nlka-lti-session"]
    assert session_cookie["samesite"] == "None"
    assert session_cookie["secure"] is True
    assert session_cookie["httponly"] is True
    assert session_cookie["path"] == "/lti/"


def test_launch_pages_may_be_framed_by_the_platform_only(client, platform, registration, material):
    page = client.get(resource_link_launch(client, platform, material)["Location"])

    assert "X-Frame-Options" not in page.headers
    assert f"frame-ancestors {registration.issuer}" in page["Content-Security-Policy"]


def test_other_pages_still_refuse_to_be_framed(client, registration):
    response = client.get("/lti/jwks/")

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_launch_for_a_material_that_is_not_published_is_refused_with_a_404(
    client, platform, material, lti_log
):
    material.live = False
    material.save()

    response = resource_link_launch(client, platform, material)

    assert response.status_code == 404
    assert "niet beschikbaar" in response.content.decode()
    assert lti_log.refused("material_unavailable")
    assert material_launch_count(material) == 0


def test_a_launch_without_a_material_parameter_explains_how_to_choose_one(
    client, platform, material, lti_log
):
    form = platform_launch_form(platform, login(client, platform), custom={})

    response = post_launch(client, form)

    assert response.status_code == 404
    assert lti_log.refused("material_unavailable")


def test_the_viewer_of_another_browser_is_refused(client, platform, material, lti_log):
    viewer_url = resource_link_launch(client, platform, material)["Location"]

    response = Client().get(viewer_url)

    assert response.status_code == 403
    assert lti_log.refused("launch_not_in_session")
