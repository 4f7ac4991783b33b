"""Hand stored files to browsers without letting them run on the site's origin."""

from django.http import FileResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

from repository.models import StoredFile
from repository.services.files import materials_storage

# A file opened from our origin may not run scripts, load anything, or be framed.
SANDBOX_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
INLINE_TYPES = {"application/pdf"}


def _disposition(display_name: str, inline: bool) -> str:
    return content_disposition_header(as_attachment=not inline, filename=display_name)


def stored_file_response(
    request, stored_file: StoredFile, *, display_name: str, public: bool, inline: bool = False
):
    """Return a response that delivers the file: streamed from disk, or a signed S3 redirect."""
    inline = inline and stored_file.mime_type in INLINE_TYPES
    storage = materials_storage()
    if hasattr(storage, "bucket_name"):
        url = storage.url(
            stored_file.storage_name,
            parameters={
                "ResponseContentType": stored_file.mime_type,
                "ResponseContentDisposition": _disposition(display_name, inline),
            },
        )
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response
    response = FileResponse(
        storage.open(stored_file.storage_name),
        as_attachment=not inline,
        filename=display_name,
        content_type=stored_file.mime_type,
    )
    response["Content-Length"] = str(stored_file.size)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    # django-csp would replace our sandbox policy with the site's; keep ours.
    response._csp_exempt = True
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    return response
