"""The deep-linking picker: a teacher searches materials and collections for a course."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lti import protocol
from lti.forms import PickerSearchForm, PickerSelectionForm
from lti.models import url_origin
from lti.protocol import ContentItem, LaunchRefused, LtiExchange
from lti.selectors import picker_collections, picker_materials
from lti.views.framing import allow_framing, refusal_response

RESULTS_PER_PAGE = 20
CANCEL = "annuleren"


def _content_item(material) -> ContentItem:
    return ContentItem(material_id=material.pk, title=material.title, text=material.summary)


def _collection_item(collection) -> ContentItem:
    return ContentItem(
        material_id=None,
        collection_id=collection.pk,
        title=collection.title,
        text=collection.summary,
    )


# The site's CSRF cookie is SameSite=Lax and never reaches the LMS iframe; the launch id in the
# URL, random and bound to this browser's LTI session cookie, does the same job here.
@csrf_exempt
@xframe_options_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def picker(request, launch_id: str):
    """Search and choose materials; the choice goes back to the platform as a signed response."""
    exchange = LtiExchange(request)
    try:
        launch = protocol.launch_restore(
            exchange, launch_id, message_type=protocol.DEEP_LINKING_REQUEST
        )
    except LaunchRefused as refused:
        return refusal_response(request, refused, step="picker")
    origins = launch.registration.platform_origins()
    accept_multiple = launch.deep_linking.accept_multiple
    selection = PickerSelectionForm(
        request.POST if request.method == "POST" else None, accept_multiple=accept_multiple
    )

    if request.method == "POST" and (request.POST.get("actie") == CANCEL or selection.is_valid()):
        if request.POST.get("actie") == CANCEL:
            chosen, items = [], []
        else:
            chosen = [*selection.cleaned_data["materials"], *selection.cleaned_data["collections"]]
            items = [_content_item(material) for material in selection.cleaned_data["materials"]]
            items += [_collection_item(c) for c in selection.cleaned_data["collections"]]
        answer = protocol.deep_linking_response(exchange, launch, items)
        response = TemplateResponse(
            request,
            "lti/deep_linking_response.html",
            {"answer": answer, "chosen": chosen},
        )
        allow_framing(response, origins, form_targets=[url_origin(answer.return_url)])
        return exchange.finish(response)

    search = PickerSearchForm(request.GET)
    page = Paginator(picker_materials(**search.filters()), RESULTS_PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    response = TemplateResponse(
        request,
        "lti/picker.html",
        {
            "launch": launch,
            "search": search,
            "selection": selection,
            "page": page,
            "collections": picker_collections(**search.filters()),
            "query": query.urlencode(),
            "accept_multiple": accept_multiple,
            "cancel": CANCEL,
        },
        status=400 if request.method == "POST" else 200,
    )
    return allow_framing(response, origins)
