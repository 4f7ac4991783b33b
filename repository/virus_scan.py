"""A small client for ClamAV's daemon (clamd): PING and INSTREAM over TCP or a Unix socket.

We speak the protocol ourselves rather than depend on an unmaintained wrapper: it is a few
lines, and owning it lets us stream from any storage backend and set our own timeouts.
"""

import socket
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

# clamd refuses streams larger than its StreamMaxLength; chunks this size keep memory flat.
CHUNK_BYTES = 64 * 1024
DEFAULT_TIMEOUT_SECONDS = 30.0
REPLY_LIMIT_BYTES = 4096


class ScannerUnavailable(Exception):
    """clamd could not be reached, timed out or could not scan: the verdict is still open."""


@dataclass(frozen=True)
class ScanVerdict:
    infected: bool
    signature: str = ""


def scanner_configured() -> bool:
    return bool(settings.CLAMD_ADDRESS)


def _connect(address: str, timeout: float) -> socket.socket:
    """Open a socket to 'tcp://host:port' or 'unix:///path/to/clamd.ctl'."""
    parts = urlsplit(address)
    try:
        if parts.scheme == "tcp" and parts.hostname and parts.port:
            return socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        if parts.scheme == "unix" and parts.path:
            connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            connection.settimeout(timeout)
            try:
                connection.connect(parts.path)
            except OSError:
                connection.close()
                raise
            return connection
    except OSError as error:
        raise ScannerUnavailable(f"clamd at {address} does not answer: {error}") from error
    raise ValueError(f"CLAMD_ADDRESS must be tcp://host:port or unix:///path; got {address!r}")


def _reply(connection: socket.socket) -> str:
    """Read clamd's answer up to its terminating NUL (the 'z' command prefix asks for one)."""
    received = b""
    while not received.endswith(b"\0") and len(received) < REPLY_LIMIT_BYTES:
        chunk = connection.recv(REPLY_LIMIT_BYTES)
        if not chunk:
            break
        received += chunk
    return received.rstrip(b"\0").decode("utf-8", "replace").strip()


def clamd_ping(*, address: str, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> bool:
    """Tell whether clamd answers PING with PONG."""
    try:
        with _connect(address, timeout) as connection:
            connection.sendall(b"zPING\0")
            return _reply(connection) == "PONG"
    except (ScannerUnavailable, OSError):
        return False


def clamd_scan_chunks(
    chunks: Iterable[bytes], *, address: str, timeout: float = DEFAULT_TIMEOUT_SECONDS
) -> ScanVerdict:
    """Stream bytes to clamd and return its verdict; raise ScannerUnavailable when there is none."""
    try:
        with _connect(address, timeout) as connection:
            connection.sendall(b"zINSTREAM\0")
            for chunk in chunks:
                for start in range(0, len(chunk), CHUNK_BYTES):
                    part = chunk[start : start + CHUNK_BYTES]
                    connection.sendall(struct.pack(">I", len(part)) + part)
            connection.sendall(struct.pack(">I", 0))
            answer = _reply(connection)
    except OSError as error:
        # Timeouts, resets, and clamd closing early (over its StreamMaxLength) all land here.
        raise ScannerUnavailable(f"clamd scan failed: {error}") from error
    return _verdict(answer)


def _verdict(answer: str) -> ScanVerdict:
    # Answers look like 'stream: OK', 'stream: Eicar-Signature FOUND' or '... ERROR'.
    _, _, result = answer.partition(": ")
    if result == "OK":
        return ScanVerdict(infected=False)
    if result.endswith(" FOUND"):
        return ScanVerdict(infected=True, signature=result.removesuffix(" FOUND").strip()[:255])
    raise ScannerUnavailable(f"clamd gave no verdict: {answer!r}")


def clamd_scan_file(handle, *, address: str | None = None) -> ScanVerdict:
    """Scan an open file (from any storage backend) chunk by chunk with the configured clamd."""
    address = address or settings.CLAMD_ADDRESS
    timeout = settings.CLAMD_TIMEOUT_SECONDS
    return clamd_scan_chunks(
        iter(lambda: handle.read(CHUNK_BYTES), b""), address=address, timeout=timeout
    )
