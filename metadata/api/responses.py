"""JSON answers of the read API: public, cacheable for a minute, readable from any origin."""

from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

CACHE_SECONDS = 60
READ_METHODS = ("GET", "HEAD", "OPTIONS")


class ApiError(Exception):
    """A request the API refuses, with a stable code and a message for people."""

    def __init__(self, code: str, message: str, *, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def _public_headers(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    # Published data only, never anything tied to a session: any site may read it.
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def api_json(data: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    return _public_headers(response)


def api_error(code: str, message: str, *, status: int, **extra) -> JsonResponse:
    return api_json({"error": {"code": code, "message": str(message)}, **extra}, status=status)


def not_found() -> JsonResponse:
    """The one answer for unknown, draft and deleted objects, so none of them is revealed."""
    return api_error("not_found", _("Dit bestaat niet of is niet openbaar."), status=404)


def read_only(view):
    """Answer GET and HEAD through the view, OPTIONS for CORS, and any other method with 405.

    CSRF does not apply: the API reads public data and keeps no session, so a forged request
    can change nothing; checking it would answer writes with 403 instead of 405.
    """

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        allow = ", ".join(READ_METHODS)
        if request.method == "OPTIONS":
            response = _public_headers(HttpResponse(status=204))
            response["Allow"] = allow
            response["Access-Control-Allow-Methods"] = allow
            response["Access-Control-Max-Age"] = "86400"
            return response
        if request.method not in READ_METHODS:
            response = api_error(
                "method_not_allowed",
                _("Deze API kan alleen lezen: gebruik GET."),
                status=405,
            )
            response["Allow"] = allow
            return response
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return api_error(error.code, error.message, status=error.status)

    return wrapper
