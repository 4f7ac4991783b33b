"""A faster `wsgi.input` under gunicorn: request bodies read straight from the socket.

gunicorn's own reader moves a Content-Length body 1 KiB per Python round, copying it between
buffers each time; a 1 GiB upload spends seconds in that loop alone. This reader hands out
what gunicorn already buffered, then receives the rest in reads as large as the application
asks for. Only a body gunicorn has not started on is taken over; anything else (another
server, a chunked body, a gunicorn without the expected internals) keeps gunicorn's reader.
"""

import io
import socket
import ssl

try:
    from gunicorn.http.body import Body, LengthReader
    from gunicorn.http.unreader import SocketUnreader
except ImportError:  # not served by gunicorn: nothing to take over
    Body = LengthReader = SocketUnreader = None

# readline() looks for the line end in pieces of this size.
LINE_PIECE_BYTES = 64 * 1024


class IncompleteBody(ConnectionError):
    """The client closed the connection before sending the whole body it announced."""


class SocketBodyReader:
    """Read a request body of known length from gunicorn's buffer, then from the socket.

    gunicorn's reader is kept at the bytes still in the socket, so when the application
    leaves part of the body unread, gunicorn skips exactly that part before the next request.
    """

    def __init__(self, *, buffered: bytes, sock: socket.socket, gunicorn_reader, in_socket: int):
        self._pending = buffered
        self._sock = sock
        self._gunicorn_reader = gunicorn_reader
        self._in_socket = in_socket
        # Asking the kernel for the whole piece saves a Python round per network packet;
        # TLS sockets take no flags.
        self._recv_flags = 0 if isinstance(sock, ssl.SSLSocket) else socket.MSG_WAITALL

    def read(self, size: int | None = -1) -> bytes:
        """Return `size` bytes (all that is left when negative), fewer only at the body's end."""
        available = len(self._pending) + self._in_socket
        size = available if size is None or size < 0 else min(size, available)
        if size <= len(self._pending):
            data, self._pending = self._pending[:size], self._pending[size:]
            return data
        head, self._pending = self._pending, b""
        tail = self._receive(size - len(head))
        return head + tail if head else tail

    def readline(self, size: int | None = -1) -> bytes:
        """Return one line, up to and including b"\\n", of at most `size` bytes."""
        limit = len(self._pending) + self._in_socket
        if size is not None and size >= 0:
            limit = min(size, limit)
        searched = 0
        while (end := self._pending.find(b"\n", searched, limit)) < 0:
            if len(self._pending) >= limit:
                end = limit - 1
                break
            searched = len(self._pending)
            piece = min(LINE_PIECE_BYTES, limit - searched)
            self._pending += self._receive(piece, whole=False)
        line, self._pending = self._pending[: end + 1], self._pending[end + 1 :]
        return line

    def readlines(self, hint: int = -1) -> list[bytes]:
        lines = []
        total = 0
        while line := self.readline():
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        if line := self.readline():
            return line
        raise StopIteration

    def _receive(self, size: int, *, whole: bool = True) -> bytes:
        """Receive `size` bytes of the body from the socket (or at least one, unless `whole`)."""
        pieces = []
        wanted = size
        while wanted:
            piece = self._sock.recv(wanted, self._recv_flags if whole else 0)
            if not piece:
                # As gunicorn's chunked reader does: the application sees a failed read,
                # never a body cut short that looks complete.
                raise IncompleteBody(
                    f"client closed the connection with {self._in_socket} bytes of the body unsent"
                )
            self._in_socket -= len(piece)
            self._gunicorn_reader.length = self._in_socket
            pieces.append(piece)
            wanted -= len(piece)
            if not whole:
                break
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def socket_body_reader(environ: dict) -> SocketBodyReader | None:
    """Return a reader taking over this request's body from gunicorn, or None to keep gunicorn's."""
    if Body is None:
        return None
    body = environ.get("wsgi.input")
    if type(body) is not Body or type(body.reader) is not LengthReader:
        return None
    gunicorn_reader = body.reader
    unreader = getattr(gunicorn_reader, "unreader", None)
    # Internals of the gunicorn this was written for; a version without them keeps its reader.
    if (
        type(unreader) is not SocketUnreader
        or not isinstance(getattr(unreader, "buf", None), io.BytesIO)
        or not isinstance(getattr(unreader, "sock", None), socket.socket)
        or not isinstance(getattr(body, "buf", None), io.BytesIO)
        or not isinstance(getattr(gunicorn_reader, "length", None), int)
    ):
        return None
    try:
        announced = int(environ.get("CONTENT_LENGTH") or -1)
    except ValueError:
        return None
    # Something was read already: gunicorn keeps the body.
    if body.buf.tell() or gunicorn_reader.length != announced or announced <= 0:
        return None
    buffered = unreader.buf.getvalue()
    # Bytes past the body belong to the next request on the connection: they stay with gunicorn.
    body_start, rest = buffered[:announced], buffered[announced:]
    unreader.buf = io.BytesIO()
    unreader.buf.write(rest)
    in_socket = announced - len(body_start)
    gunicorn_reader.length = in_socket
    return SocketBodyReader(
        buffered=body_start,
        sock=unreader.sock,
        gunicorn_reader=gunicorn_reader,
        in_socket=in_socket,
    )


def with_socket_body_reader(application):
    """Wrap a WSGI application so its request bodies are read through SocketBodyReader."""

    def application_with_socket_body_reader(environ, start_response):
        if (reader := socket_body_reader(environ)) is not None:
            environ["wsgi.input"] = reader
        return application(environ, start_response)

    return application_with_socket_body_reader
