from django.test import Client

import pytest

from bench.launches import (
    BenchPlatform,
    KeySetServer,
    launches_prepare,
    launches_write,
    platform_register,
)
from bench.queries import client_login, launch_post, launch_queries
from lti.models import LaunchCount
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def platform():
    return BenchPlatform.generate()


@pytest.fixture
def registered(platform):
    with KeySetServer(platform) as key_server:
        platform_register(platform, key_set_url=key_server.url)
        yield platform


@pytest.fixture
def material():
    return published_material(TeacherFactory())


def _prepare(platform, material, count=1):
    return launches_prepare(
        platform,
        tool_url="http://testserver",
        material_ids=[material.pk],
        count=count,
        login=client_login(Client()),
        workers=1,
    )


def test_a_prepared_launch_opens_the_material_when_posted_with_its_cookie_and_body(
    registered, material
):
    [launch] = _prepare(registered, material)

    response = launch_post(Client(), launch)

    assert response.status_code == 303
    assert response["Location"].startswith("/lti/bekijken/")
    assert LaunchCount.objects.get(material=material).count == 1


def test_a_prepared_launch_works_only_once(registered, material):
    [launch] = _prepare(registered, material)
    launch_post(Client(), launch)

    assert launch_post(Client(), launch).status_code != 303


def test_every_prepared_launch_has_its_own_login(registered, material):
    launches = _prepare(registered, material, count=3)

    assert len({launch.cookie for launch in launches}) == 3
    assert all(launch_post(Client(), launch).status_code == 303 for launch in launches)


def test_launches_are_written_one_a_line_as_cookie_tab_body(registered, material, tmp_path):
    launches = _prepare(registered, material, count=2)

    lines = launches_write(launches, tmp_path / "launches.tsv").read_text().splitlines()

    assert [line.split("\t") for line in lines] == [
        [launch.cookie, launch.body] for launch in launches
    ]
    assert all("id_token=" in line and "state=" in line for line in lines)


def test_launch_queries_counts_the_queries_of_an_accepted_launch(registered, material):
    status, queries = launch_queries(registered, material_id=material.pk)

    assert status == 303
    assert queries > 0


def test_registering_the_platform_twice_keeps_one_registration(platform):
    first = platform_register(platform, key_set_url="http://127.0.0.1:1/jwks")
    second = platform_register(platform, key_set_url="http://127.0.0.1:2/jwks")

    assert first.pk == second.pk
    assert second.key_set_url == "http://127.0.0.1:2/jwks"
    assert second.deployments.count() == 1
