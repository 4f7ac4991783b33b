"""Hand stored files to browsers without letting them run on the site's origin."""

import re
from collections.abc import Iterable, Iterator

from django.http import FileResponse, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.http import content_disposition_header

from repository.models import FileDerivative, StoredFile
from repository.previews import PREVIEW_MIME_TYPE
from repository.services.files import materials_storage

# A file opened from our origin may not run scripts, load anything, or be framed.
SANDBOX_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
INLINE_TYPES = {"application/pdf"}
# Single byte ranges let browsers seek in audio and video (Safari plays nothing without them).
RANGE_HEADER = re.compile(r"^bytes=(\d*)-(\d*)$")
RANGE_CHUNK_BYTES = 64 * 1024


class _Unsatisfiable(Exception):
    pass


def _disposition(display_name: str, inline: bool) -> str:
    return content_disposition_header(as_attachment=not inline, filename=display_name)


def _harden(response: HttpResponse, *, public: bool) -> HttpResponse:
    """Add the headers every delivery of user bytes carries."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    # django-csp would replace our sandbox policy with the site's; keep ours.
    response._csp_exempt = True
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    return response


def _signed_redirect(storage, name: str, *, mime_type: str, disposition: str):
    url = storage.url(
        name,
        parameters={"ResponseContentType": mime_type, "ResponseContentDisposition": disposition},
    )
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "private, no-store"
    return response


def _byte_range(request, size: int, etag: str) -> tuple[int, int] | None:
    """Return the one (first, last) byte range asked for, or None to send everything."""
    header = request.headers.get("Range", "").strip()
    match = RANGE_HEADER.match(header)
    if not match or not any(match.groups()):
        # Absent, malformed or several ranges: the whole file is a correct answer.
        return None
    if_range = request.headers.get("If-Range")
    if if_range is not None and if_range != etag:
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
        if start >= size or (last and int(last) < start):
            raise _Unsatisfiable
    else:
        length = int(last)
        if length == 0 or size == 0:
            raise _Unsatisfiable
        start, end = max(size - length, 0), size - 1
    return start, end


def _read_range(handle, start: int, end: int) -> Iterator[bytes]:
    try:
        handle.seek(start)
        remaining = end - start + 1
        while remaining > 0:
            chunk = handle.read(min(RANGE_CHUNK_BYTES, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


def _local_file_response(
    request, name: str, *, mime_type: str, size: int, etag: str, filename: str, inline: bool
) -> HttpResponse:
    storage = materials_storage()
    try:
        byte_range = _byte_range(request, size, etag)
    except _Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if byte_range is None:
        response = FileResponse(
            storage.open(name), as_attachment=not inline, filename=filename, content_type=mime_type
        )
        response["Content-Length"] = str(size)
    else:
        start, end = byte_range
        response = StreamingHttpResponse(
            _read_range(storage.open(name), start, end), status=206, content_type=mime_type
        )
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
        response["Content-Disposition"] = _disposition(filename, inline)
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    return response


def stored_file_response(
    request, stored_file: StoredFile, *, display_name: str, public: bool, inline: bool = False
):
    """Return a response that delivers the file: streamed from disk, or a signed S3 redirect."""
    inline = inline and stored_file.mime_type in INLINE_TYPES
    storage = materials_storage()
    if hasattr(storage, "bucket_name"):
        return _signed_redirect(
            storage,
            stored_file.storage_name,
            mime_type=stored_file.mime_type,
            disposition=_disposition(display_name, inline),
        )
    response = _local_file_response(
        request,
        stored_file.storage_name,
        mime_type=stored_file.mime_type,
        size=stored_file.size,
        # The bytes never change, so their hash is a strong validator.
        etag=f'"{stored_file.sha256}"',
        filename=display_name,
        inline=inline,
    )
    return _harden(response, public=public)


def preview_response(request, derivative: FileDerivative, *, display_name: str, public: bool):
    """Return the preview image we drew of a file; our own WebP, so shown inline."""
    storage = materials_storage()
    filename = f"{display_name}.webp"
    if hasattr(storage, "bucket_name"):
        return _signed_redirect(
            storage,
            derivative.preview_name,
            mime_type=PREVIEW_MIME_TYPE,
            disposition=_disposition(filename, inline=True),
        )
    response = _local_file_response(
        request,
        derivative.preview_name,
        mime_type=PREVIEW_MIME_TYPE,
        size=storage.size(derivative.preview_name),
        etag=f'"preview-{derivative.stored_file_id}-{derivative.processed_at.timestamp():.0f}"',
        filename=filename,
        inline=True,
    )
    return _harden(response, public=public)


def zip_response(chunks: Iterable[bytes], *, filename: str, public: bool) -> StreamingHttpResponse:
    """Return a streamed ZIP download; its length is unknown until the last chunk."""
    response = StreamingHttpResponse(chunks, content_type="application/zip")
    response["Content-Disposition"] = _disposition(filename, inline=False)
    return _harden(response, public=public)
