"""Faults injected at the edges: storage, commit, cache, task queue, a client going away."""

import io
import logging
from datetime import timedelta
from pathlib import Path

from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse

import pytest

from cms.settings.environment import cache_config
from repository.models import FileDerivative, Material, MaterialFile, StoredFile
from repository.services.sweep import storage_sweep
from tests.accounts.factories import TeacherFactory
from tests.reliability.storages import UnwritableStorage, use_materials_storage
from tests.repository.factories import published_material, upload

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("repository:material_upload")
JSON = {"HTTP_ACCEPT": "application/json"}
PASSWORD = "correct horse battery staple"


def blobs(settings) -> list[Path]:
    location = Path(settings.STORAGES["materials"]["OPTIONS"]["location"])
    return [path for path in location.rglob("*") if path.is_file()] if location.exists() else []


@pytest.fixture
def cache_down(settings):
    """The production cache configuration, pointed at a port where no Redis answers."""
    settings.CACHES = cache_config({"REDIS_URL": "redis://127.0.0.1:1/0"})
    settings.PAGE_CACHE_SECONDS = 300


def test_a_commit_failing_after_the_blob_was_written_leaves_no_rows(client, settings, monkeypatch):
    client.force_login(TeacherFactory())

    def database_gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(StoredFile, "save", database_gone)

    response = client.post(UPLOAD_URL, {"files": [upload()]}, **JSON)

    assert response.status_code == 503
    assert "Probeer het over een minuut opnieuw" in response.json()["error"]
    assert not Material.objects.exists()
    assert not MaterialFile.objects.exists()
    assert len(blobs(settings)) == 1


def test_the_sweep_finds_the_blob_a_failed_commit_left_behind(client, settings, monkeypatch):
    client.force_login(TeacherFactory())
    monkeypatch.setattr(
        StoredFile, "save", lambda *a, **k: (_ for _ in ()).throw(OperationalError("gone"))
    )
    client.post(UPLOAD_URL, {"files": [upload()]}, **JSON)
    monkeypatch.undo()

    report = storage_sweep(grace=timedelta(0))

    [(name, _size)] = report.unreferenced
    assert blobs(settings)[0].as_posix().endswith(name)


def test_storage_refusing_the_write_answers_the_upload_in_dutch_and_saves_nothing(client, settings):
    client.force_login(TeacherFactory())
    use_materials_storage(settings, UnwritableStorage)

    response = client.post(UPLOAD_URL, {"files": [upload()]}, **JSON)

    assert response.status_code == 503
    assert "Probeer het over een minuut opnieuw" in response.json()["error"]
    assert not Material.objects.exists()
    assert not StoredFile.objects.exists()


def test_with_the_cache_down_public_pages_still_render(client, home_page, cache_down):
    response = client.get("/")

    assert response.status_code == 200


def test_with_the_cache_down_a_log_in_is_refused_with_a_clear_message(client, cache_down):
    teacher = TeacherFactory()

    response = client.post(reverse("account_login"), {"login": teacher.email, "password": PASSWORD})

    assert response.status_code == 200
    assert (
        "Inloggen lukt even niet, probeer het over een minuut opnieuw." in response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_with_the_cache_down_a_public_form_answers_503_not_500(client, cache_down):
    material = published_material(TeacherFactory())

    response = client.post(
        reverse("repository:feedback_public", args=[material.pk]), {"comment": "Fijn!"}
    )

    assert response.status_code == 503
    assert "Probeer het over een minuut opnieuw" in response.content.decode()


class QueueDown:
    """The derive task whose queue (the task table of the database backend) is unreachable."""

    def enqueue(self, *args, **kwargs):
        raise OperationalError("the task queue is unreachable")


def test_a_task_queue_that_refuses_still_commits_the_upload(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    client.force_login(TeacherFactory())

    monkeypatch.setattr("repository.tasks.derive_stored_file", QueueDown())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(UPLOAD_URL, {"files": [upload()]}, **JSON)

    assert response.status_code == 201
    assert StoredFile.objects.count() == 1
    assert not FileDerivative.objects.exists()


def test_derive_files_picks_up_what_the_queue_never_ran(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    client.force_login(TeacherFactory())
    monkeypatch.setattr("repository.tasks.derive_stored_file", QueueDown())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(UPLOAD_URL, {"files": [upload()]}, **JSON)

    call_command("derive_files", stdout=io.StringIO())

    assert FileDerivative.objects.get().status == FileDerivative.Status.READY


class BrokenConnection:
    """A request body that delivers its first bytes, then the connection breaks."""

    def __init__(self, data: bytes, cut_at: int):
        self.data, self.cut_at, self.position = data, cut_at, 0

    def read(self, size=-1):
        if self.position >= self.cut_at:
            raise OSError("connection reset by peer")
        size = self.cut_at - self.position if size is None or size < 0 else size
        chunk = self.data[self.position : min(self.position + size, self.cut_at)]
        self.position += len(chunk)
        return chunk

    def readline(self, size=-1):
        return self.read(size)


def multipart_body() -> tuple[bytes, str]:
    boundary = "grens"
    pdf = upload().read()
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="files"; filename="breuken.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + pdf
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def test_a_client_going_away_mid_upload_stores_nothing_and_leaves_no_temp_files(
    client, settings, tmp_path, caplog
):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "uploads")
    client.force_login(TeacherFactory())
    body, content_type = multipart_body()

    with caplog.at_level(logging.WARNING):
        response = client.generic(
            "POST",
            UPLOAD_URL,
            body,
            content_type=content_type,
            **{"wsgi.input": BrokenConnection(body, cut_at=len(body) // 2)},
        )

    assert response.status_code == 400
    assert not Material.objects.exists() and not StoredFile.objects.exists()
    assert not any((tmp_path / "uploads").iterdir())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
