"""Request bodies under gunicorn are read straight from the socket, byte for byte."""

import hashlib
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import suppress
from pathlib import Path

import pytest
from gunicorn.http.body import Body, LengthReader
from gunicorn.http.unreader import SocketUnreader

from cms.wsgi_input import IncompleteBody, socket_body_reader

GUNICORN = Path(sys.executable).parent / "gunicorn"
REPOSITORY = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(report_dir: Path, *options: str):
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            str(GUNICORN),
            "tests.cms.body_report_app:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            "--log-level=warning",
            *options,
        ],
        cwd=REPOSITORY,
        env={**os.environ, "BODY_REPORT_DIR": str(report_dir)},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            assert process.poll() is None, "gunicorn exited"
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def server(report_dir):
    process, port = start_gunicorn(report_dir)
    yield port
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def keepalive_server(report_dir):
    process, port = start_gunicorn(report_dir, "--worker-class=gthread", "--keep-alive=30")
    yield port
    process.terminate()
    process.wait(timeout=30)


def post(port: int, path: str, body, headers=None, connection=None, **kwargs) -> dict:
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", path, body, headers or {}, **kwargs)
    response = connection.getresponse()
    assert response.status == 200
    return json.loads(response.read())


def test_a_body_larger_than_gunicorns_first_buffer_arrives_byte_for_byte(server):
    data = os.urandom(20 * 1024 * 1024 + 7)

    report = post(server, "/hash", data)

    assert report == {
        "reader": "SocketBodyReader",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def test_a_small_form_post_is_read_whole(server):
    body = "titel=Breuken+vergelijken&vak=rekenen&csrfmiddlewaretoken=abc"
    headers = {"Content-Type": "application/x-www-form-urlencoded"}

    report = post(server, "/form", body, headers)

    assert report["reader"] == "SocketBodyReader"
    assert report["fields"] == {
        "titel": ["Breuken vergelijken"],
        "vak": ["rekenen"],
        "csrfmiddlewaretoken": ["abc"],
    }


def test_a_body_read_line_by_line_arrives_whole(server):
    data = b"".join(b"regel %d " % n + b"x" * (n % 500) + b"\n" for n in range(20_000)) + b"eind"

    report = post(server, "/lines", data)

    assert report["reader"] == "SocketBodyReader"
    assert report["lines"] == 20_001
    assert report["sha256"] == hashlib.sha256(data).hexdigest()


def test_a_chunked_body_stays_with_gunicorns_reader(server):
    data = os.urandom(300_000)

    report = post(server, "/hash", iter([data[:1000], data[1000:]]), encode_chunked=True)

    assert report["reader"] == "Body"
    assert report["sha256"] == hashlib.sha256(data).hexdigest()


def test_a_client_going_away_mid_body_is_an_error_not_a_short_body(server, report_dir):
    client = socket.create_connection(("127.0.0.1", server))
    client.sendall(
        b"POST /hash HTTP/1.1\r\nHost: test\r\nX-Report: gone\r\n"
        b"Content-Length: 8388608\r\n\r\n" + os.urandom(1024 * 1024)
    )
    client.close()

    report_file = report_dir / "gone"
    deadline = time.monotonic() + 20
    while not report_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    report = json.loads(report_file.read_text())
    assert report == {"reader": "SocketBodyReader", "error": "IncompleteBody"}


def test_a_body_left_half_read_does_not_spill_into_the_next_request(keepalive_server):
    connection = http.client.HTTPConnection("127.0.0.1", keepalive_server, timeout=60)
    first = post(keepalive_server, "/peek", b"0123456789" * 200_000, connection=connection)
    sock = connection.sock
    data = os.urandom(100_000)

    second = post(keepalive_server, "/hash", data, connection=connection)

    assert first == {"reader": "SocketBodyReader", "start": "0123456789"}
    assert connection.sock is sock, "the connection was not kept alive"
    assert second["sha256"] == hashlib.sha256(data).hexdigest()


def send_and_close(sock: socket.socket, data: bytes) -> None:
    # A test may stop reading before the end: the client then finds the socket closed.
    with sock, suppress(BrokenPipeError, ConnectionResetError):
        sock.sendall(data)


def gunicorn_body(buffered: bytes, sent: bytes, length: int):
    """Return gunicorn's own Body over a socket, as its parser leaves it after the headers."""
    server_side, client_side = socket.socketpair()
    threading.Thread(target=send_and_close, args=(client_side, sent), daemon=True).start()
    unreader = SocketUnreader(server_side)
    unreader.unread(buffered)
    return Body(LengthReader(unreader, length)), unreader


READS = [("read", 3), ("readline", -1), ("readline", 5), ("read", 70_000), ("readline", 100)]


def test_the_reader_returns_what_gunicorns_reader_returns():
    data = b"".join(b"%d:" % n + b"y" * (n % 97) + b"\n" for n in range(4000))
    buffered, sent = data[:5000], data[5000:]
    theirs, _ = gunicorn_body(buffered, sent, len(data))
    body, _ = gunicorn_body(buffered, sent, len(data))
    ours = socket_body_reader({"wsgi.input": body, "CONTENT_LENGTH": str(len(data))})

    for method, size in [*READS, ("read", -1), ("read", 10), ("readline", -1)]:
        assert getattr(ours, method)(size) == getattr(theirs, method)(size), (method, size)


def test_bytes_past_the_body_stay_with_gunicorn_for_the_next_request():
    body, unreader = gunicorn_body(b"hallo" + b"GET / HTTP/1.1\r\n", b"", 5)

    reader = socket_body_reader({"wsgi.input": body, "CONTENT_LENGTH": "5"})

    assert reader.read() == b"hallo"
    assert reader.read() == b""
    assert unreader.read() == b"GET / HTTP/1.1\r\n"


def test_gunicorn_skips_exactly_the_part_of_the_body_left_unread():
    body, unreader = gunicorn_body(b"abc", b"defghij" + b"NEXT", 10)
    reader = socket_body_reader({"wsgi.input": body, "CONTENT_LENGTH": "10"})

    assert reader.read(5) == b"abcde"
    assert body.read(8192) == b"fghij"
    assert unreader.read(4) == b"NEXT"


def test_a_body_gunicorn_started_reading_is_left_alone():
    body, _ = gunicorn_body(b"abcdef", b"", 6)
    body.read(2)

    assert socket_body_reader({"wsgi.input": body, "CONTENT_LENGTH": "6"}) is None


def test_a_body_cut_short_raises_instead_of_ending_early():
    body, _ = gunicorn_body(b"abc", b"def", 10)
    reader = socket_body_reader({"wsgi.input": body, "CONTENT_LENGTH": "10"})

    with pytest.raises(IncompleteBody):
        reader.read()


def test_other_servers_inputs_are_left_alone():
    class OtherInput:
        def read(self, size=-1):
            return b""

    assert socket_body_reader({"wsgi.input": OtherInput(), "CONTENT_LENGTH": "10"}) is None
