"""One OAI-PMH request in, one response document out: testable without HTTP."""

from collections.abc import Mapping, Sequence
from datetime import datetime

from django.utils import timezone

from lxml import etree

from metadata.oai.arguments import OaiError, oai_request_parse
from metadata.oai.envelope import oai_envelope, oai_sub
from metadata.oai.verbs import VERB_HANDLERS


def oai_response(query: Mapping[str, Sequence[str]], *, page_size: int | None = None) -> bytes:
    """Answer an OAI-PMH request given as argument name -> values; return the XML document.

    `page_size` overrides how many records a list response holds.
    """
    response_date = timezone.now()
    try:
        request = oai_request_parse(query)
    except OaiError as error:
        return _document(_error_response(response_date, None, error))
    echoed = {"verb": request.verb, **request.arguments}
    try:
        verb_element = VERB_HANDLERS[request.verb](request, page_size=page_size)
    except OaiError as error:
        arguments = echoed if error.echoes_arguments else None
        return _document(_error_response(response_date, arguments, error))
    root = oai_envelope(response_date, echoed)
    root.append(verb_element)
    return _document(root)


def _error_response(
    response_date: datetime, arguments: dict[str, str] | None, error: OaiError
) -> etree._Element:
    root = oai_envelope(response_date, arguments)
    for code, message in error.errors:
        oai_sub(root, "error", message).set("code", code)
    return root


def _document(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
