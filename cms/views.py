from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from cms import selectors
from cms.forms import SiteSearchForm
from cms.health import health_report
from repository.selectors.search import materials_for_site_search, search_words

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
    """Search the pages in the current language, and the materials; the query is in the URL."""
    form = SiteSearchForm(request.GET)
    query = form.query()
    results = None
    materials = None
    if query:
        locale = Locale.get_active()
        words = search_words(query)
        results = selectors.paginate(
            selectors.pages_search(words, locale_id=locale.pk) if words else [],
            request.GET.get("page"),
            SEARCH_RESULTS_PER_PAGE,
        )
        if results.number == 1:
            materials = materials_for_site_search(query)
    return render(
        request,
        "cms/search.html",
        {
            "form": form,
            "search_query": query,
            "results": results,
            "materials": materials,
            "meta_title": _("Zoeken"),
            "meta_description": _(
                "Zoek in het nieuws, de praktijkvoorbeelden en het kwaliteitskader."
            ),
        },
    )
