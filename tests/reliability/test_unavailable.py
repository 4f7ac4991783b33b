"""An unreachable database or file storage gets a clear Dutch 503 answer, never a stack trace."""

import logging

from django.db import OperationalError, connection
from django.urls import path, reverse

import pytest

from cms.urls import urlpatterns as site_urlpatterns
from repository.models import Collection, FileDerivative, Material
from tests.accounts.factories import TeacherFactory
from tests.reliability.storages import UnreadableStorage, use_materials_storage
from tests.repository.factories import collection_of, published_material, upload

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
UNAVAILABLE = "Probeer het over een minuut opnieuw."


def database_down(monkeypatch):
    """Make every new query fail as a database that went away does."""

    def refuse(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(connection, "cursor", refuse)


def download_url(material) -> str:
    version_file = material.versions.get(number=1).files.get()
    return reverse("repository:file_download", args=[material.pk, 1, version_file.pk])


def failing_view(request):
    return 1 / 0


# This module doubles as a URLconf with a view that has an ordinary bug.
urlpatterns = [path("kapot/", failing_view), *site_urlpatterns]
handler500 = "cms.unavailable.server_error"


class FailingMiddleware:
    """Stands for any middleware that queries the database before the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("could not connect to server")


def test_a_database_outage_during_a_page_shows_the_dutch_503_page(client, monkeypatch):
    database_down(monkeypatch)

    response = client.get(reverse("repository:material_browse"))

    assert response.status_code == 503
    page = response.content.decode()
    assert "Even niet bereikbaar" in page
    assert UNAVAILABLE in page
    assert "OperationalError" not in page and "Traceback" not in page


def test_the_503_page_asks_to_come_back_in_a_minute(client, monkeypatch):
    database_down(monkeypatch)

    response = client.get(reverse("repository:material_browse"))

    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"


def test_the_uploader_gets_the_outage_as_a_json_error(client, monkeypatch):
    client.force_login(TeacherFactory())
    database_down(monkeypatch)

    response = client.post(reverse("repository:material_upload"), {"files": [upload()]}, **JSON)

    assert response.status_code == 503
    assert UNAVAILABLE in response.json()["error"]
    # The uploader script shows the first of `errors`.
    assert response.json()["errors"] == [response.json()["error"]]


def test_the_outage_is_logged_with_the_part_that_failed(client, monkeypatch, caplog):
    database_down(monkeypatch)

    with caplog.at_level(logging.ERROR, logger="cms.unavailable"):
        client.get(reverse("repository:material_browse"))

    assert "database unavailable" in caplog.text


def test_an_outage_raised_in_middleware_also_gets_the_503_page(client, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.FailingMiddleware"]
    client.raise_request_exception = False

    response = client.get(reverse("repository:material_browse"))

    assert response.status_code == 503
    assert "Even niet bereikbaar" in response.content.decode()
    assert response["Retry-After"] == "60"


def test_an_ordinary_bug_still_gets_the_500_page(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False

    response = client.get("/kapot/")

    assert response.status_code == 500
    assert "Even niet bereikbaar" not in response.content.decode()


def test_storage_failing_on_read_answers_a_download_with_503(client, settings):
    material = published_material(TeacherFactory())
    use_materials_storage(settings, UnreadableStorage)

    response = client.get(download_url(material))

    assert response.status_code == 503
    assert UNAVAILABLE in response.content.decode()


def test_storage_failing_on_read_answers_a_preview_with_503(
    client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        material = published_material(TeacherFactory())
    version_file = material.versions.get(number=1).files.get()
    assert FileDerivative.objects.get(stored_file=version_file.stored_file).preview_name
    use_materials_storage(settings, UnreadableStorage)

    response = client.get(
        reverse("repository:file_preview", args=[material.pk, 1, version_file.pk])
    )

    assert response.status_code == 503


def test_storage_failing_on_read_answers_a_version_zip_with_503_before_any_byte(client, settings):
    material = published_material(TeacherFactory())
    use_materials_storage(settings, UnreadableStorage)

    response = client.get(reverse("repository:version_zip", args=[material.pk, 1]))

    assert response.status_code == 503
    assert not response.streaming
    assert UNAVAILABLE in response.content.decode()


def test_storage_failing_on_read_answers_a_collection_zip_with_503(client, settings):
    material = published_material(TeacherFactory())
    collection = collection_of(
        TeacherFactory(), [material], visibility=Collection.Visibility.PUBLIC
    )
    use_materials_storage(settings, UnreadableStorage)

    response = client.get(reverse("repository:collection_zip", args=[collection.pk]))

    assert response.status_code == 503
    assert UNAVAILABLE in response.content.decode()


def test_a_failed_read_changes_nothing(client, settings):
    material = published_material(TeacherFactory())
    use_materials_storage(settings, UnreadableStorage)

    client.get(download_url(material))

    material.refresh_from_db()
    assert material.live
    assert Material.objects.count() == 1
    assert material.versions.count() == 1
