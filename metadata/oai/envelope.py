"""The OAI-PMH response envelope and the pieces every verb writes into it."""

from datetime import UTC, datetime
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse

from lxml import etree

from metadata.serializers.material_facts import site_url
from metadata.serializers.xml_text import xml_safe

OAI_NAMESPACE = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"


def oai_base_url() -> str:
    return site_url(reverse("metadata:oai"))


def format_datestamp(moment: datetime) -> str:
    """Return a UTC datestamp at the granularity the repository declares (seconds)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def oai_element(tag: str, text: str | None = None) -> etree._Element:
    element = etree.Element(f"{{{OAI_NAMESPACE}}}{tag}", nsmap={None: OAI_NAMESPACE})
    if text is not None:
        element.text = xml_safe(text)
    return element


def oai_sub(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{OAI_NAMESPACE}}}{tag}")
    if text is not None:
        element.text = xml_safe(text)
    return element


def oai_envelope(response_date: datetime, arguments: dict[str, str] | None) -> etree._Element:
    """Return the OAI-PMH root element with its responseDate and request.

    `arguments` are echoed as attributes of the request; pass None when the request
    was refused with badVerb or badArgument, which must not be echoed.
    """
    root = etree.Element(
        f"{{{OAI_NAMESPACE}}}OAI-PMH", nsmap={None: OAI_NAMESPACE, "xsi": XSI_NAMESPACE}
    )
    root.set(f"{{{XSI_NAMESPACE}}}schemaLocation", f"{OAI_NAMESPACE} {OAI_SCHEMA}")
    oai_sub(root, "responseDate", format_datestamp(response_date))
    request = oai_sub(root, "request", oai_base_url())
    for name, value in (arguments or {}).items():
        request.set(name, value)
    return root


def oai_admin_emails() -> list[str]:
    """Return the repository administrators' addresses for Identify."""
    configured = getattr(settings, "NLKA_OAI_ADMIN_EMAIL", None)
    if configured:
        return [configured] if isinstance(configured, str) else list(configured)
    admins = [address for _name, address in settings.ADMINS]
    if admins:
        return admins
    return [parseaddr(settings.DEFAULT_FROM_EMAIL)[1]]
