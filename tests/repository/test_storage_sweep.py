"""storage_sweep finds blobs nobody refers to (deleting old ones only when asked) and stored
files whose bytes are gone."""

import os
import time
from io import StringIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command

import pytest

from repository import demo_files
from repository.services.derivatives import file_derivative_process
from repository.services.files import stored_file_create, stored_file_take_down
from tests.accounts.factories import UserFactory
from tests.repository.factories import upload

pytestmark = pytest.mark.django_db

TWO_DAYS = 2 * 24 * 60 * 60


def storage():
    return storages["materials"]


def orphan(name: str, *, age_seconds: int = TWO_DAYS) -> str:
    """Write a blob no row refers to, as a failed commit leaves behind."""
    saved = storage().save(name, ContentFile(b"%PDF-1.4 wees"))
    then = time.time() - age_seconds
    os.utime(storage().path(saved), (then, then))
    return saved


def sweep(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("storage_sweep", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def kept():
    """A stored PNG with its preview, both referenced and made to look old."""
    stored = stored_file_create(
        upload=upload("plaat.png", demo_files.png_bytes("Plaat")), original_name="plaat.png"
    )
    names = [stored.storage_name, file_derivative_process(stored_file=stored).preview_name]
    assert all(names)
    then = time.time() - TWO_DAYS
    for name in names:
        os.utime(storage().path(name), (then, then))
    return names


def test_a_dry_run_lists_old_unreferenced_blobs_and_deletes_nothing(kept):
    name = orphan("ab/cd/wees.pdf")

    out, _err = sweep()

    assert f"unreferenced: {name}" in out
    assert "dry run" in out
    assert storage().exists(name)


def test_delete_removes_old_unreferenced_blobs(kept):
    name = orphan("ab/cd/wees.pdf")

    out, _err = sweep("--delete")

    assert f"deleted: {name}" in out
    assert not storage().exists(name)


def test_delete_keeps_stored_files_and_their_previews(kept):
    orphan("ab/cd/wees.pdf")

    sweep("--delete")

    assert all(storage().exists(name) for name in kept)


def test_a_young_unreferenced_blob_is_left_alone_as_its_upload_may_still_commit(kept):
    name = orphan("ab/cd/net-geschreven.pdf", age_seconds=60)

    out, _err = sweep("--delete")

    assert name not in out
    assert storage().exists(name)


def test_the_grace_period_can_be_shortened(kept):
    name = orphan("ab/cd/net-geschreven.pdf", age_seconds=2 * 60 * 60)

    sweep("--delete", "--grace-hours", "1")

    assert not storage().exists(name)


def test_bytes_a_takedown_failed_to_delete_are_swept(kept):
    stored = stored_file_create(
        upload=upload("les.pdf", demo_files.pdf_bytes("Les", ["x"])), original_name="les.pdf"
    )
    admin = UserFactory(is_superuser=True)
    # The takedown deletes the bytes after commit; a test never commits, as if that had failed.
    stored_file_take_down(stored_file=stored, user=admin, reason="Auteursrecht")
    then = time.time() - TWO_DAYS
    os.utime(storage().path(stored.storage_name), (then, then))

    sweep("--delete")

    assert not storage().exists(stored.storage_name)


def test_a_stored_file_whose_bytes_are_gone_is_reported_and_fails_the_command(kept):
    Path(storage().path(kept[0])).unlink()

    with pytest.raises(CommandError, match="1 stored file"):
        sweep()


def test_a_clean_storage_reports_that_every_stored_file_has_its_bytes(kept):
    out, err = sweep()

    assert "Would delete (dry run; pass --delete): 0 unreferenced blob(s)" in out
    assert "Every stored file has its bytes." in out
    assert err == ""
