"""A WSGI application for test_wsgi_input: reports the request body it read, as Django reads it."""

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import parse_qs

from django.core.handlers.wsgi import LimitedStream

from cms.wsgi_input import with_socket_body_reader

CHUNK_BYTES = 4 * 1024 * 1024


def _read(path: str, stream) -> dict:
    if path == "/form":
        return {"fields": parse_qs(stream.read().decode())}
    if path == "/peek":
        return {"start": stream.read(10).decode()}
    if path == "/lines":
        lines = list(stream)
        return {"lines": len(lines), "sha256": hashlib.sha256(b"".join(lines)).hexdigest()}
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK_BYTES):
        digest.update(chunk)
        size += len(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def body_report(environ, start_response):
    reader = type(environ["wsgi.input"]).__name__
    length = environ.get("CONTENT_LENGTH")
    # Django reads a body of known length through LimitedStream; a chunked one has none.
    stream = LimitedStream(environ["wsgi.input"], int(length)) if length else environ["wsgi.input"]
    try:
        report = {"reader": reader, **_read(environ["PATH_INFO"], stream)}
    except OSError as error:
        report = {"reader": reader, "error": type(error).__name__}
    # The client may be gone: the test reads what happened from a file.
    if name := environ.get("HTTP_X_REPORT"):
        (Path(os.environ["BODY_REPORT_DIR"]) / name).write_text(json.dumps(report))
    body = json.dumps(report).encode()
    start_response("200 OK", [("Content-Type", "application/json")])
    return [body]


application = with_socket_body_reader(body_report)
