"""Background tasks may run twice (a retry, a second worker) without a double effect."""

import io
from pathlib import Path

from django.core.management import call_command

import pytest

from repository.models import FileDerivative, StoredFile
from repository.services.files import stored_file_create
from repository.tasks import derive_stored_file
from tests.repository.factories import upload

pytestmark = pytest.mark.django_db


def previews(settings) -> list[Path]:
    location = Path(settings.STORAGES["materials"]["OPTIONS"]["location"]) / "previews"
    return [path for path in location.rglob("*") if path.is_file()]


def test_deriving_a_file_twice_leaves_one_derivative_and_one_preview(settings):
    stored = stored_file_create(upload=upload(), original_name="breuken.pdf")

    derive_stored_file.call(stored.pk)
    first = FileDerivative.objects.get(stored_file=stored)
    derive_stored_file.call(stored.pk)

    assert FileDerivative.objects.filter(stored_file=stored).count() == 1
    assert FileDerivative.objects.get(stored_file=stored).processed_at == first.processed_at
    assert len(previews(settings)) == 1


def test_a_failed_derivation_is_retried_by_derive_files(settings, monkeypatch):
    stored = stored_file_create(upload=upload(), original_name="breuken.pdf")
    monkeypatch.setattr(
        "repository.services.derivatives.extract_text",
        lambda *a, **k: (_ for _ in ()).throw(OSError("storage hiccup")),
    )
    derive_stored_file.call(stored.pk)
    assert FileDerivative.objects.get(stored_file=stored).status == FileDerivative.Status.FAILED
    monkeypatch.undo()

    call_command("derive_files", stdout=io.StringIO())

    assert FileDerivative.objects.get(stored_file=stored).status == FileDerivative.Status.READY
    assert StoredFile.objects.count() == 1
