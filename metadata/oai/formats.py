"""The metadata formats the endpoint disseminates: Dublin Core and NL-LOM."""

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from metadata.serializers.dublin_core import OAI_DC_NAMESPACE, OAI_DC_SCHEMA, material_dublin_core
from metadata.serializers.lom import LOM_NAMESPACE, LOM_SCHEMA, material_lom
from metadata.serializers.material_facts import material_based_on


def material_lom_with_sources(material) -> etree._Element:
    """Return the NL-LOM record with an isbasedon relation per remix source."""
    return material_lom(material, based_on=material_based_on(material))


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    serialize: Callable[..., etree._Element]


METADATA_FORMATS: dict[str, MetadataFormat] = {
    "oai_dc": MetadataFormat("oai_dc", OAI_DC_SCHEMA, OAI_DC_NAMESPACE, material_dublin_core),
    "lom": MetadataFormat("lom", LOM_SCHEMA, LOM_NAMESPACE, material_lom_with_sources),
}
