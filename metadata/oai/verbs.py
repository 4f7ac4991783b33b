"""The six OAI-PMH verbs, each building its response element or raising OaiError."""

from dataclasses import replace
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from lxml import etree

from metadata.oai.arguments import (
    BAD_RESUMPTION_TOKEN,
    CANNOT_DISSEMINATE_FORMAT,
    ID_DOES_NOT_EXIST,
    NO_METADATA_FORMATS,
    NO_RECORDS_MATCH,
    RESUMPTION_TOKEN,
    OaiError,
    OaiRequest,
    datestamp_range,
)
from metadata.oai.envelope import (
    GRANULARITY,
    format_datestamp,
    oai_admin_emails,
    oai_base_url,
    oai_element,
    oai_sub,
)
from metadata.oai.formats import METADATA_FORMATS, MetadataFormat
from metadata.oai.identifiers import material_pk_from_identifier, oai_identifier
from metadata.oai.records import oai_record_metadata
from metadata.oai.selectors import (
    levels_by_pk,
    oai_datestamp,
    oai_earliest_datestamp,
    oai_is_deleted,
    oai_material,
    oai_material_page,
    oai_materials,
)
from metadata.oai.sets import material_set_specs, oai_sets, set_filter
from metadata.oai.tokens import (
    TOKEN_LIFETIME,
    BadResumptionToken,
    ListState,
    token_decode,
    token_encode,
)

# Records per page; small enough for a quick response, large enough for few round trips.
PAGE_SIZE = 100


def oai_page_size(page_size: int | None = None) -> int:
    """Return the page size: the argument, else the NLKA_OAI_PAGE_SIZE setting, else 100."""
    if page_size is not None:
        return page_size
    return getattr(settings, "NLKA_OAI_PAGE_SIZE", PAGE_SIZE)


def oai_identify(request: OaiRequest, *, page_size: int | None = None) -> etree._Element:
    """Describe the repository: base URL, admin, earliest datestamp, deletions, granularity."""
    identify = oai_element("Identify")
    oai_sub(identify, "repositoryName", f"{settings.WAGTAIL_SITE_NAME}: {_('open leermiddelen')}")
    oai_sub(identify, "baseURL", oai_base_url())
    oai_sub(identify, "protocolVersion", "2.0")
    for address in oai_admin_emails():
        oai_sub(identify, "adminEmail", address)
    # An empty repository has no datestamps yet; now is still a true lower bound for later ones.
    earliest = oai_earliest_datestamp() or timezone.now()
    oai_sub(identify, "earliestDatestamp", format_datestamp(earliest))
    oai_sub(identify, "deletedRecord", "persistent")
    oai_sub(identify, "granularity", GRANULARITY)
    return identify


def oai_list_metadata_formats(
    request: OaiRequest, *, page_size: int | None = None
) -> etree._Element:
    """List the formats of the repository, or of one item when an identifier is given."""
    identifier = request.get("identifier")
    if identifier is not None:
        material = _material_or_error(identifier)
        if oai_is_deleted(material):
            raise OaiError(
                NO_METADATA_FORMATS,
                _("Dit leermiddel is ingetrokken; er is geen metadata meer van beschikbaar."),
            )
    formats = oai_element("ListMetadataFormats")
    for metadata_format in METADATA_FORMATS.values():
        element = oai_sub(formats, "metadataFormat")
        oai_sub(element, "metadataPrefix", metadata_format.prefix)
        oai_sub(element, "schema", metadata_format.schema)
        oai_sub(element, "metadataNamespace", metadata_format.namespace)
    return formats


def oai_list_sets(request: OaiRequest, *, page_size: int | None = None) -> etree._Element:
    """List the sector and level sets, in one response."""
    if request.get(RESUMPTION_TOKEN) is not None:
        # The set list always fits in one response, so no token for it was ever issued.
        raise OaiError(BAD_RESUMPTION_TOKEN, _("Dit resumptionToken is ongeldig of verlopen."))
    sets = oai_element("ListSets")
    for oai_set in oai_sets():
        element = oai_sub(sets, "set")
        oai_sub(element, "setSpec", oai_set.spec)
        oai_sub(element, "setName", oai_set.name)
    return sets


def oai_get_record(request: OaiRequest, *, page_size: int | None = None) -> etree._Element:
    """Return one record: its metadata, or only a deleted header once withdrawn."""
    material = _material_or_error(request.get("identifier"))
    metadata_format = _format_or_error(request.get("metadataPrefix"))
    get_record = oai_element("GetRecord")
    metadata = oai_record_metadata([material], metadata_format).get(material.pk)
    _record(get_record, material, levels_by_pk(), metadata)
    return get_record


def oai_list_identifiers(request: OaiRequest, *, page_size: int | None = None) -> etree._Element:
    """List one page of headers."""
    return _list(request, oai_page_size(page_size), with_metadata=False)


def oai_list_records(request: OaiRequest, *, page_size: int | None = None) -> etree._Element:
    """List one page of records."""
    return _list(request, oai_page_size(page_size), with_metadata=True)


def _material_or_error(identifier: str):
    pk = material_pk_from_identifier(identifier)
    material = oai_material(pk) if pk is not None else None
    if material is None:
        raise OaiError(
            ID_DOES_NOT_EXIST,
            _("Deze repository kent de identifier %(identifier)s niet.")
            % {"identifier": identifier},
        )
    return material


def _format_or_error(prefix: str) -> MetadataFormat:
    if prefix not in METADATA_FORMATS:
        raise OaiError(
            CANNOT_DISSEMINATE_FORMAT,
            _("Het metadataformaat %(prefix)s wordt niet ondersteund; kies oai_dc of lom.")
            % {"prefix": prefix},
        )
    return METADATA_FORMATS[prefix]


def _no_records() -> OaiError:
    return OaiError(
        NO_RECORDS_MATCH,
        _("Geen enkel record past bij deze combinatie van from, until, set en metadataPrefix."),
    )


def _list_state(request: OaiRequest) -> ListState:
    token = request.get(RESUMPTION_TOKEN)
    if token is not None:
        try:
            return token_decode(token, verb=request.verb)
        except BadResumptionToken as error:
            raise OaiError(
                BAD_RESUMPTION_TOKEN, _("Dit resumptionToken is ongeldig of verlopen.")
            ) from error
    prefix = request.get("metadataPrefix")
    datestamps = datestamp_range(request.get("from"), request.get("until"))
    return ListState(
        verb=request.verb,
        metadata_prefix=prefix,
        set_spec=request.get("set"),
        starts=datestamps.starts.isoformat() if datestamps.starts else None,
        ends=datestamps.ends.isoformat() if datestamps.ends else None,
        after_pk=0,
        cursor=0,
        complete_list_size=-1,
    )


def _list(request: OaiRequest, page_size: int, *, with_metadata: bool) -> etree._Element:
    state = _list_state(request)
    metadata_format = _format_or_error(state.metadata_prefix)
    materials = oai_materials()
    if state.starts_at is not None:
        materials = materials.filter(oai_datestamp__gte=state.starts_at)
    if state.ends_at is not None:
        materials = materials.filter(oai_datestamp__lt=state.ends_at)
    if state.set_spec is not None:
        in_set = set_filter(state.set_spec)
        if in_set is None:
            raise _no_records()
        materials = materials.filter(in_set)
    complete_list_size = state.complete_list_size
    if complete_list_size < 0:
        # Counted once, when the harvest starts; later pages carry the number in the token.
        complete_list_size = materials.count()
        if complete_list_size == 0:
            raise _no_records()
    page, more = oai_material_page(materials, after_pk=state.after_pk, size=page_size)
    if not page:
        raise _no_records()
    element = oai_element(request.verb)
    levels = levels_by_pk()
    metadata = oai_record_metadata(page, metadata_format) if with_metadata else {}
    for material in page:
        if with_metadata:
            _record(element, material, levels, metadata.get(material.pk))
        else:
            _header(element, material, levels)
    delivered = state.cursor + len(page)
    if more:
        following = replace(
            state, after_pk=page[-1].pk, cursor=delivered, complete_list_size=complete_list_size
        )
        _resumption_token(element, token_encode(following), complete_list_size, state.cursor)
    elif request.get(RESUMPTION_TOKEN) is not None:
        # The last page of a resumed list ends with an empty token, as the protocol asks.
        _resumption_token(element, "", max(complete_list_size, delivered), state.cursor)
    return element


def _resumption_token(parent, token: str, complete_list_size: int, cursor: int) -> None:
    element = oai_sub(parent, "resumptionToken", token or None)
    if token:
        element.set("expirationDate", format_datestamp(timezone.now() + TOKEN_LIFETIME))
    element.set("completeListSize", str(complete_list_size))
    element.set("cursor", str(cursor))


def _header(parent, material, levels: dict[int, tuple[str, int | None]]) -> None:
    header = oai_sub(parent, "header")
    if oai_is_deleted(material):
        header.set("status", "deleted")
    oai_sub(header, "identifier", oai_identifier(material.pk))
    oai_sub(header, "datestamp", format_datestamp(_datestamp(material)))
    level_pks = getattr(material, "oai_level_pks", None)
    if level_pks is None:
        level_pks = [level.pk for level in material.levels.all()]
    for spec in material_set_specs(level_pks, levels):
        oai_sub(header, "setSpec", spec)


def _datestamp(material) -> datetime:
    annotated = getattr(material, "oai_datestamp", None)
    return annotated if annotated is not None else oai_datestamp(material)


def _record(parent, material, levels, metadata: etree._Element | None) -> None:
    """Write a record: the header, and the metadata unless the material is deleted."""
    record = oai_sub(parent, "record")
    _header(record, material, levels)
    if metadata is not None:
        oai_sub(record, "metadata").append(metadata)


VERB_HANDLERS = {
    "Identify": oai_identify,
    "ListMetadataFormats": oai_list_metadata_formats,
    "ListSets": oai_list_sets,
    "GetRecord": oai_get_record,
    "ListIdentifiers": oai_list_identifiers,
    "ListRecords": oai_list_records,
}
