"""A clear 503 answer when the database, file storage or cache does not answer, never a trace.

The middleware answers for exceptions raised by views; `server_error` (the 500 handler) answers
for the same exceptions raised in other middleware, where process_exception never runs. The
page is rendered without a request, so no context processor can query the broken database.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse, UnreadablePostError
from django.template import engines
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60
TEMPLATE = "503.html"


def _storage_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OSError]
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # pragma: no cover - boto3 is only needed for S3 storage
        pass
    else:
        errors += [BotoCoreError, ClientError]
    return tuple(errors)


def _cache_errors() -> tuple[type[BaseException], ...]:
    try:
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover - redis is only needed for a shared cache
        return ()
    return (RedisError,)


STORAGE_ERRORS = _storage_errors()
CACHE_ERRORS = _cache_errors()


def unavailable_component(exception: BaseException | None) -> str | None:
    """Name the part that did not answer ('database', 'cache', 'storage'), or None."""
    # Libraries sometimes wrap the original failure; look a few causes deep.
    for _depth in range(4):
        if exception is None or isinstance(exception, UnreadablePostError):
            # A visitor who went away is not an outage (UnreadablePostError is an OSError).
            return None
        if isinstance(exception, (OperationalError, InterfaceError)):
            return "database"
        if CACHE_ERRORS and isinstance(exception, CACHE_ERRORS):
            return "cache"
        if isinstance(exception, STORAGE_ERRORS):
            return "storage"
        exception = exception.__cause__ or exception.__context__
    return None


def unavailable_message() -> str:
    return _(
        "De website kan dit even niet afmaken: een onderdeel bij ons antwoordt niet. "
        "Er is niets van je werk verloren gegaan dat je al had bewaard. "
        "Probeer het over een minuut opnieuw."
    )


def _wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith("application/json") or (
        request.headers.get("X-Requested-With") == "XMLHttpRequest"
    )


def unavailable_response(request) -> HttpResponse:
    """The 503 answer: JSON for our scripts (with `errors` for the uploader), a page otherwise."""
    if _wants_json(request):
        message = unavailable_message()
        response = JsonResponse({"error": message, "errors": [message]}, status=503)
    else:
        page = engines["django"].get_template(TEMPLATE).render()
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def client_went_away_response() -> HttpResponse:
    return HttpResponse(
        _("Het versturen is afgebroken. Probeer het opnieuw."),
        status=400,
        content_type="text/plain; charset=utf-8",
    )


class ServiceUnavailableMiddleware:
    """Turn an unreachable database, storage or cache during a view into a 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UnreadablePostError):
            # The browser closed the connection mid-upload; Django cleans up its temp files.
            logger.warning("client went away while sending %s: %s", request.path, exception)
            return client_went_away_response()
        component = unavailable_component(exception)
        if component is None:
            return None
        logger.error("%s unavailable while answering %s", component, request.path, exc_info=True)
        return unavailable_response(request)


def server_error(request, template_name: str = defaults.ERROR_500_TEMPLATE_NAME):
    """The 500 handler: an outage raised outside a view still gets the 503 page."""
    exception = sys.exc_info()[1]
    if unavailable_component(exception) is not None:
        return unavailable_response(request)
    return defaults.server_error(request, template_name=template_name)
