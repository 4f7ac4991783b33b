from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.health import health_report


@never_cache
@require_GET
def healthz(request):
    """Answer 200 when database, storage and cache work, 503 naming what failed."""
    report = health_report()
    failed = sorted(component for component, healthy in report.items() if not healthy)
    body = {
        "status": "unavailable" if failed else "ok",
        "checks": {
            component: "ok" if healthy else "failed" for component, healthy in report.items()
        },
        "failed": failed,
    }
    return JsonResponse(body, status=503 if failed else 200)
