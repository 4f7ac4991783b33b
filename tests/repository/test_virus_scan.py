"""Uploads are scanned by ClamAV (clamd) after they commit: nobody gets a file's bytes, and no
material is submitted or published, until the scanner has found it clean. Infected files are
taken down. The real clamd runs with a one-signature database (the EICAR test string); a tiny
socket server stands in for a scanner that is down, slow or confused."""

import os
import shutil
import socket
import socketserver
import struct
import subprocess
import threading
import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest

from repository.models import FileDerivative, StoredFile
from repository.services.materials import (
    material_add_file,
    material_publish,
    material_save_draft,
    material_submission_errors,
)
from repository.virus_scan import ScannerUnavailable, clamd_ping, clamd_scan_chunks
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import complete_metadata, draft_material, published_material, upload

pytestmark = pytest.mark.django_db

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
SIGNATURE = "NLKA.Test.EICAR"
CLAMD_START_SECONDS = 30


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def clamd_address(tmp_path_factory):
    """A real clamd on loopback whose only signature is the EICAR test string."""
    clamd = shutil.which("clamd", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
    if clamd is None:
        message = "clamd is not installed (Debian: clamav-daemon)"
        if os.environ.get("NLKA_REQUIRE_SERVICES"):
            pytest.fail(f"{message}, and NLKA_REQUIRE_SERVICES is set")
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("clamd")
    database = folder / "db"
    database.mkdir()
    # A body signature: the EICAR string anywhere in any file (hex, as ClamAV's .ndb wants it).
    (database / "nlka.ndb").write_text(f"{SIGNATURE}:0:*:{EICAR.hex()}\n")
    port = _free_port()
    config = folder / "clamd.conf"
    config.write_text(
        "\n".join(
            [
                "Foreground yes",
                f"TCPSocket {port}",
                "TCPAddr 127.0.0.1",
                f"DatabaseDirectory {database}",
                f"TemporaryDirectory {folder}",
                f"LogFile {folder / 'clamd.log'}",
                "",
            ]
        )
    )
    process = subprocess.Popen(  # noqa: S603 - our own config, a fixed binary
        [clamd, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    address = f"tcp://127.0.0.1:{port}"
    deadline = time.monotonic() + CLAMD_START_SECONDS
    while not clamd_ping(address=address, timeout=1):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log = (folder / "clamd.log").read_text() if (folder / "clamd.log").exists() else ""
            pytest.fail(f"clamd did not start: {log[-2000:]}")
        time.sleep(0.1)
    yield address
    process.terminate()
    process.wait(timeout=10)


class _FakeClamd(socketserver.BaseRequestHandler):
    """Reads one command (and an INSTREAM's chunks), then answers as the test asks."""

    def handle(self):
        server = self.server
        command = self._read_until_nul()
        server.commands.append(command)
        if command == b"zINSTREAM":
            received = b""
            while True:
                length = struct.unpack(">I", self._read_exactly(4))[0]
                if length == 0:
                    break
                server.chunk_sizes.append(length)
                received += self._read_exactly(length)
            server.streams.append(received)
        if server.behaviour == "hang":
            time.sleep(3)
        elif server.behaviour == "close":
            return
        else:
            self.request.sendall(server.reply + b"\0")

    def _read_exactly(self, count: int) -> bytes:
        data = b""
        while len(data) < count:
            chunk = self.request.recv(count - len(data))
            if not chunk:
                raise ConnectionError
            data += chunk
        return data

    def _read_until_nul(self) -> bytes:
        data = b""
        while not data.endswith(b"\0"):
            data += self._read_exactly(1)
        return data[:-1]


@pytest.fixture
def fake_clamd():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _FakeClamd)
    server.daemon_threads = True
    server.behaviour, server.reply = "answer", b"stream: OK"
    server.commands, server.streams, server.chunk_sizes = [], [], []
    server.address = f"tcp://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def scanner(settings, clamd_address):
    settings.CLAMD_ADDRESS = clamd_address
    settings.CLAMD_TIMEOUT_SECONDS = 10
    return clamd_address


@pytest.fixture
def scanner_down(settings):
    settings.CLAMD_ADDRESS = f"tcp://127.0.0.1:{_free_port()}"
    settings.CLAMD_TIMEOUT_SECONDS = 1
    return settings.CLAMD_ADDRESS


@pytest.fixture
def teacher():
    return TeacherFactory()


def add_file(material, owner, name: str, data: bytes, capture, *, scan: bool = True):
    """Add a file to the draft; with scan the after-commit tasks (scan, previews) run."""
    with capture(execute=scan):
        material_file = material_add_file(
            material=material, user=owner, upload=upload(name, data), original_name=name
        )
    return StoredFile.objects.get(pk=material_file.stored_file_id)


def blob_exists(stored_file) -> bool:
    return storages["materials"].exists(stored_file.storage_name)


# The scan and its outcome


def test_a_file_carrying_a_virus_is_marked_infected_and_its_bytes_removed(
    scanner, teacher, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)

    stored = add_file(
        material, teacher, "les.txt", b"Les\n" + EICAR, django_capture_on_commit_callbacks
    )

    assert stored.scan_status == StoredFile.ScanStatus.INFECTED
    assert stored.scan_signature.startswith(SIGNATURE)
    assert stored.is_removed
    assert not blob_exists(stored)


def test_a_clean_file_is_marked_clean_and_then_gets_its_preview(
    scanner, teacher, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)

    stored = add_file(
        material, teacher, "les.txt", b"Breuken\n", django_capture_on_commit_callbacks
    )

    assert stored.scan_status == StoredFile.ScanStatus.CLEAN
    assert stored.scanned_at is not None
    assert FileDerivative.objects.get(stored_file=stored).processed_at is not None


def test_a_new_file_waits_as_pending_and_underived_until_scanned(
    scanner, teacher, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)

    stored = add_file(
        material, teacher, "les.txt", b"Breuken\n", django_capture_on_commit_callbacks, scan=False
    )

    assert stored.scan_status == StoredFile.ScanStatus.PENDING
    assert not FileDerivative.objects.filter(stored_file=stored, processed_at__isnull=False)


def test_without_a_scanner_files_are_stored_as_not_scanned(settings, teacher):
    settings.CLAMD_ADDRESS = ""

    material = draft_material(teacher)

    assert material.files.get().stored_file.scan_status == StoredFile.ScanStatus.NOT_SCANNED


def test_infected_bytes_uploaded_again_are_refused(
    scanner, teacher, client, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)
    add_file(material, teacher, "les.txt", EICAR, django_capture_on_commit_callbacks)
    client.force_login(teacher)

    response = client.post(
        reverse("repository:material_file_add", args=[material.pk]),
        {"files": upload("weer.txt", EICAR)},
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 400
    assert "bevat een virus" in response.json()["errors"][0]


def test_a_clean_blob_uploaded_again_is_not_scanned_again(
    settings, fake_clamd, teacher, django_capture_on_commit_callbacks
):
    settings.CLAMD_ADDRESS = fake_clamd.address
    material = draft_material(teacher)
    add_file(material, teacher, "les.txt", b"Breuken\n", django_capture_on_commit_callbacks)

    add_file(material, teacher, "kopie.txt", b"Breuken\n", django_capture_on_commit_callbacks)

    assert fake_clamd.commands == [b"zINSTREAM"]


# A scanner that is down, slow or confused: nothing is lost, nothing is let through


def test_a_scanner_that_is_down_leaves_the_file_pending(
    scanner_down, teacher, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)

    stored = add_file(
        material, teacher, "les.txt", b"Breuken\n", django_capture_on_commit_callbacks
    )

    assert stored.scan_status == StoredFile.ScanStatus.PENDING
    assert blob_exists(stored)


def test_scan_pending_finishes_the_scans_once_the_scanner_is_back(
    settings, scanner_down, clamd_address, teacher, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)
    clean = add_file(material, teacher, "les.txt", b"Breuken\n", django_capture_on_commit_callbacks)
    infected = add_file(material, teacher, "virus.txt", EICAR, django_capture_on_commit_callbacks)
    settings.CLAMD_ADDRESS = clamd_address

    with django_capture_on_commit_callbacks(execute=True):
        call_command("scan_pending", stdout=open(os.devnull, "w"))  # noqa: SIM115

    clean.refresh_from_db()
    infected.refresh_from_db()
    assert clean.scan_status == StoredFile.ScanStatus.CLEAN
    assert infected.scan_status == StoredFile.ScanStatus.INFECTED


def test_scan_pending_fails_while_the_scanner_is_still_down(
    scanner_down, teacher, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)
    add_file(material, teacher, "les.txt", b"Breuken\n", django_capture_on_commit_callbacks)

    with pytest.raises(CommandError, match="could not be scanned"):
        call_command("scan_pending", stdout=open(os.devnull, "w"))  # noqa: SIM115


def test_a_scanner_that_does_not_answer_in_time_gives_no_verdict(fake_clamd):
    fake_clamd.behaviour = "hang"

    with pytest.raises(ScannerUnavailable):
        clamd_scan_chunks([b"Breuken"], address=fake_clamd.address, timeout=0.5)


def test_an_error_reply_gives_no_verdict(fake_clamd):
    fake_clamd.reply = b"INSTREAM size limit exceeded. ERROR"

    with pytest.raises(ScannerUnavailable):
        clamd_scan_chunks([b"Breuken"], address=fake_clamd.address, timeout=2)


def test_a_scanner_that_hangs_up_gives_no_verdict(fake_clamd):
    fake_clamd.behaviour = "close"

    with pytest.raises(ScannerUnavailable):
        clamd_scan_chunks([b"Breuken"], address=fake_clamd.address, timeout=2)


def test_a_found_reply_names_the_signature(fake_clamd):
    fake_clamd.reply = b"stream: Win.Test.EICAR_HDB-1 FOUND"

    verdict = clamd_scan_chunks([b"Breuken"], address=fake_clamd.address, timeout=2)

    assert verdict.infected
    assert verdict.signature == "Win.Test.EICAR_HDB-1"


def test_bytes_are_streamed_in_length_prefixed_chunks_and_arrive_whole(fake_clamd):
    data = os.urandom(150 * 1024)

    verdict = clamd_scan_chunks([data[:100], data[100:]], address=fake_clamd.address, timeout=2)

    assert not verdict.infected
    assert fake_clamd.streams == [data]
    assert max(fake_clamd.chunk_sizes) <= 64 * 1024


def test_ping_tells_a_running_scanner_from_a_missing_one(clamd_address, scanner_down):
    assert clamd_ping(address=clamd_address, timeout=2)
    assert not clamd_ping(address=scanner_down, timeout=1)


def test_a_unix_socket_address_is_understood(fake_clamd, tmp_path):
    socket_path = tmp_path / "clamd.ctl"
    server = socketserver.ThreadingUnixStreamServer(str(socket_path), _FakeClamd)
    server.behaviour, server.reply = "answer", b"PONG"
    server.commands, server.streams, server.chunk_sizes = [], [], []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert clamd_ping(address=f"unix://{Path(socket_path)}", timeout=2)
    finally:
        server.shutdown()
        server.server_close()


# Submission, publication and downloads wait for the verdict


def pending_draft(teacher, capture):
    material = draft_material(teacher)
    material_save_draft(material=material, user=teacher, data=complete_metadata())
    add_file(material, teacher, "les.txt", b"Breuken\n", capture, scan=False)
    return material


def test_submission_is_refused_while_a_file_is_being_scanned(
    scanner, teacher, django_capture_on_commit_callbacks
):
    material = pending_draft(teacher, django_capture_on_commit_callbacks)

    errors = material_submission_errors(material)

    assert "Bestand wordt nog op virussen gescand" in errors["files"]
    assert "les.txt" in errors["files"]


def test_submission_is_refused_for_a_file_with_a_virus(
    scanner, teacher, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)
    material_save_draft(material=material, user=teacher, data=complete_metadata())
    add_file(material, teacher, "virus.txt", EICAR, django_capture_on_commit_callbacks)

    errors = material_submission_errors(material)

    assert "virus gevonden" in errors["files"]


def test_publication_is_refused_while_a_file_is_being_scanned(
    scanner, teacher, django_capture_on_commit_callbacks
):
    material = pending_draft(teacher, django_capture_on_commit_callbacks)

    with pytest.raises(ValidationError, match="virussen gescand"):
        material_publish(material=material, user=teacher)

    material.refresh_from_db()
    assert not material.live


def test_a_draft_with_clean_files_can_be_submitted(
    scanner, teacher, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        material = draft_material(teacher)
    material_save_draft(material=material, user=teacher, data=complete_metadata())
    add_file(material, teacher, "les.txt", b"Breuken\n", django_capture_on_commit_callbacks)

    assert material_submission_errors(material) == {}


def test_the_owner_cannot_download_a_file_still_being_scanned(
    scanner, teacher, client, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)
    stored = add_file(
        material, teacher, "les.txt", b"Breuken\n", django_capture_on_commit_callbacks, scan=False
    )
    client.force_login(teacher)

    response = client.get(reverse("repository:draft_file_download", args=[material.pk, stored.pk]))

    assert response.status_code == 409
    assert "wordt nog op virussen gescand" in response.content.decode()


def test_anonymous_visitors_cannot_download_a_published_file_awaiting_its_scan(client, teacher):
    material = published_material(teacher)
    version_file = material.versions.get().files.get()
    StoredFile.objects.filter(pk=version_file.stored_file_id).update(
        scan_status=StoredFile.ScanStatus.PENDING
    )

    response = client.get(
        reverse("repository:file_download", args=[material.pk, 1, version_file.pk])
    )

    assert response.status_code == 409
    assert "wordt nog op virussen gescand" in response.content.decode()


def test_a_file_with_a_virus_gets_a_page_saying_so_not_its_bytes(
    scanner, teacher, client, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)
    stored = add_file(material, teacher, "virus.txt", EICAR, django_capture_on_commit_callbacks)
    client.force_login(teacher)

    response = client.get(reverse("repository:draft_file_download", args=[material.pk, stored.pk]))

    assert response.status_code == 410
    assert "virus gevonden" in response.content.decode()


def test_the_edit_page_shows_which_file_is_being_scanned(
    scanner, teacher, client, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)
    add_file(
        material, teacher, "les.txt", b"Breuken\n", django_capture_on_commit_callbacks, scan=False
    )
    client.force_login(teacher)

    page = client.get(reverse("repository:material_edit", args=[material.pk])).content.decode()

    assert 'data-scan-status="pending"' in page
    assert "wordt gescand op virussen" in page


def test_the_edit_page_tells_the_uploader_a_virus_was_found(
    scanner, teacher, client, django_capture_on_commit_callbacks
):
    material = draft_material(teacher)
    add_file(material, teacher, "virus.txt", EICAR, django_capture_on_commit_callbacks)
    client.force_login(teacher)

    page = client.get(reverse("repository:material_edit", args=[material.pk])).content.decode()

    assert 'data-scan-status="infected"' in page
    assert "Er is een virus in gevonden" in page
