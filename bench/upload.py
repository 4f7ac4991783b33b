"""A large upload against the running server: time and worker memory, compared with `cp`.

The multipart body is streamed from disk in chunks, so the client's memory stays flat too.
"""

import http.client
import os
import secrets
import subprocess
import time
from pathlib import Path

from bench.results import UploadResult

CHUNK = 1024 * 1024
# An MP4 "ftyp" box: libmagic calls the file video/mp4, an allowed type for materials.
MP4_HEADER = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


def upload_file_create(path: Path, size_bytes: int) -> Path:
    """Write a file of the size that libmagic takes for MP4; unique, so it is stored anew."""
    block = os.urandom(CHUNK)
    with path.open("wb") as handle:
        handle.write(MP4_HEADER + secrets.token_bytes(16))
        written = len(MP4_HEADER) + 16
        while written < size_bytes:
            piece = block[: min(CHUNK, size_bytes - written)]
            handle.write(piece)
            written += len(piece)
    return path


def peak_rss_mb(pids: list[int]) -> dict[int, float]:
    """Each process's peak resident memory (VmHWM) in MB."""
    peaks = {}
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = int(line.split()[1]) / 1024
        except OSError:
            continue
    return peaks


def multipart_upload(
    host: str, port: int, path: str, *, file_path: Path, cookie: str, csrf_token: str
) -> int:
    """POST the file as the upload form's `files` field, streamed; return the status."""
    boundary = "nlka-bench-" + secrets.token_hex(8)
    head = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{csrf_token}\r\n"
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="files"; filename="{file_path.name}"\r\n'
        "Content-Type: video/mp4\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection(host, port, timeout=600)
    connection.putrequest("POST", path)
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Content-Length", str(len(head) + file_path.stat().st_size + len(tail)))
    connection.putheader("Cookie", cookie)
    connection.putheader("X-CSRFToken", csrf_token)
    connection.endheaders()
    connection.send(head)
    with file_path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            connection.send(chunk)
    connection.send(tail)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def upload_measure(
    *,
    host: str,
    port: int,
    workdir: Path,
    size_bytes: int,
    cookie: str,
    csrf_token: str,
    worker_pids: list[int],
) -> UploadResult:
    """Upload a file of `size_bytes` as a teacher; time it against `cp` on the same disk."""
    workdir.mkdir(parents=True, exist_ok=True)
    source = upload_file_create(workdir / "bench-upload.mp4", size_bytes)
    try:
        copy = workdir / "bench-upload-copy.mp4"
        started = time.monotonic()
        subprocess.run(["cp", str(source), str(copy)], check=True)  # noqa: S603, S607
        cp_seconds = time.monotonic() - started
        copy.unlink()
        before = peak_rss_mb(worker_pids)
        started = time.monotonic()
        status = multipart_upload(
            host,
            port,
            "/leermiddelen/nieuw/",
            file_path=source,
            cookie=cookie,
            csrf_token=csrf_token,
        )
        seconds = time.monotonic() - started
        after = peak_rss_mb(worker_pids)
    finally:
        source.unlink(missing_ok=True)
    growth = max((after[pid] - before.get(pid, after[pid]) for pid in after), default=0.0)
    return UploadResult(
        size_bytes=size_bytes,
        seconds=seconds,
        status=status,
        rss_growth_mb=growth,
        cp_seconds=cp_seconds,
    )
