"""Browse and search published materials, with facets; the whole search lives in the URL."""

from django.http import QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from repository.forms_search import MaterialSearchForm
from repository.selectors.search import (
    FACETS,
    RELEVANCE,
    RESULTS_PER_PAGE,
    SORT_LABELS,
    SORTS,
    material_search,
)


def _link(path: str, params: QueryDict, changes: dict) -> str:
    """Return the path with the URL parameters changed; None removes, a list replaces."""
    params = params.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        elif isinstance(value, list):
            params.setlist(key, value)
        else:
            params[key] = value
    query = params.urlencode()
    return f"{path}?{query}" if query else path


@require_GET
def material_browse(request):
    """List published materials: words, facets with counts, sorting, pages and advice."""
    form = MaterialSearchForm(request.GET)
    result = material_search(
        form.material_query(), page_number=request.GET.get("page"), per_page=RESULTS_PER_PAGE
    )
    query = result.query
    path, params = request.path, request.GET

    def link(changes: dict) -> str:
        return _link(path, params, changes)

    sort = query.effective_sort
    sorts = [(value, SORT_LABELS[value]) for value in SORTS if value != RELEVANCE or query.text]
    errors = [
        {"anchor": form["q"].id_for_label, "label": form["q"].label, "message": message}
        for message in form.errors.get("q", [])
    ]
    return render(
        request,
        "repository/material_browse.html",
        {
            "form": form,
            "result": result,
            "query": query,
            "page_obj": result.page,
            "hits": result.hits,
            "sort": sort,
            "sorts": sorts,
            "error_summary": errors,
            "active_filters": [(item, link(item.remove_params)) for item in result.active_filters],
            "clear_filters_url": link({facet.name: None for facet in FACETS} | {"page": None}),
            "drop_advice": [(item, link(item.params)) for item in result.drop_advice],
            "suggestion_url": (
                link({"q": result.spelling_suggestion, "page": None})
                if result.spelling_suggestion
                else ""
            ),
            "meta_title": _("Leermiddelen"),
            "meta_description": _(
                "Zoek open leermiddelen op onderwijsniveau, vak, kerndoel, licentie en "
                "toegankelijkheid."
            ),
        },
    )
