from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from cms import selectors
from cms.forms import SiteSearchForm
from cms.health import health_report

SEARCH_RESULTS_PER_PAGE = 10


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


@require_GET
def site_search(request):
    """Search the site's pages in the current language; the query travels in the URL."""
    form = SiteSearchForm(request.GET)
    query = form.query()
    results = None
    if query:
        locale = Locale.get_active()
        results = selectors.paginate(
            selectors.pages_search(query, locale_id=locale.pk),
            request.GET.get("page"),
            SEARCH_RESULTS_PER_PAGE,
        )
    return render(
        request,
        "cms/search.html",
        {
            "form": form,
            "search_query": query,
            "results": results,
            "meta_title": _("Zoeken"),
            "meta_description": _(
                "Zoek in het nieuws, de praktijkvoorbeelden en het kwaliteitskader."
            ),
        },
    )
