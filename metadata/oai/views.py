"""The OAI-PMH endpoint at /oai."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from metadata.oai.protocol import oai_response


# Harvesters post without a session or CSRF token; the endpoint only reads public data.
@csrf_exempt
# A cached page would hand a harvester a stale resumption token or miss new records.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def oai_endpoint(request):
    """Answer an OAI-PMH request sent as a query string (GET) or a form body (POST)."""
    query = request.POST if request.method == "POST" else request.GET
    return HttpResponse(oai_response(dict(query.lists())), content_type="text/xml; charset=utf-8")
