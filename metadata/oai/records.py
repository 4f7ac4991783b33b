"""Stored OAI-PMH records: render a material's metadata once per datestamp, then reuse it."""

from collections.abc import Iterable, Sequence

from django.db import transaction

from lxml import etree

from metadata.models import OaiRecord
from metadata.oai.formats import METADATA_FORMATS, MetadataFormat
from metadata.oai.selectors import (
    material_concepts_attach,
    materials_with_metadata,
    oai_datestamp,
    oai_is_deleted,
    oai_materials,
)
from repository.models import Material


def _datestamp(material: Material):
    annotated = getattr(material, "oai_datestamp", None)
    return annotated if annotated is not None else oai_datestamp(material)


def _render(materials: Iterable[Material], metadata_format: MetadataFormat) -> dict[int, str]:
    return {
        material.pk: etree.tostring(metadata_format.serialize(material), encoding="unicode")
        for material in materials
    }


def _store(materials: Sequence[Material], prefix: str, rendered: dict[int, str]) -> None:
    rows = [
        OaiRecord(
            material_id=material.pk,
            metadata_prefix=prefix,
            datestamp=_datestamp(material),
            xml=rendered[material.pk],
        )
        for material in materials
    ]
    # Two harvesters may render the same record at once; the later write wins, both are equal.
    OaiRecord.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["material", "metadata_prefix"],
        update_fields=["datestamp", "xml", "rendered_at"],
    )


def oai_record_metadata(
    materials: Sequence[Material], metadata_format: MetadataFormat
) -> dict[int, etree._Element]:
    """Return the metadata element of each material that has one, by primary key.

    Stored records whose datestamp still matches are reused; the others are rendered in one
    batch (a fixed number of queries) and stored for the next harvester.
    """
    current = [material for material in materials if not oai_is_deleted(material)]
    if not current:
        return {}
    stored = {
        pk: (datestamp, xml)
        for pk, datestamp, xml in OaiRecord.objects.filter(
            material_id__in=[material.pk for material in current],
            metadata_prefix=metadata_format.prefix,
        ).values_list("material_id", "datestamp", "xml")
    }
    texts = {
        material.pk: stored[material.pk][1]
        for material in current
        if material.pk in stored and stored[material.pk][0] == _datestamp(material)
    }
    stale = [material for material in current if material.pk not in texts]
    if stale:
        by_pk = {material.pk: material for material in stale}
        with_metadata = list(materials_with_metadata(Material.objects.filter(pk__in=list(by_pk))))
        material_concepts_attach(with_metadata)
        for material in with_metadata:
            material.oai_datestamp = _datestamp(by_pk[material.pk])
        rendered = _render(with_metadata, metadata_format)
        _store(stale, metadata_format.prefix, rendered)
        texts.update(rendered)
    return {pk: etree.fromstring(text) for pk, text in texts.items()}


def oai_records_render(*, material_pks: Sequence[int] | None = None, batch_size: int = 200) -> int:
    """Render and store the records of published materials in every format; return how many.

    Without `material_pks`, every material a harvester may see (after a bulk import).
    """
    materials = oai_materials().filter(live=True, withdrawn_at__isnull=True)
    if material_pks is not None:
        materials = materials.filter(pk__in=list(material_pks))
    pks = list(materials.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), batch_size):
        batch = list(
            materials_with_metadata(materials.filter(pk__in=pks[start : start + batch_size]))
        )
        material_concepts_attach(batch)
        with transaction.atomic():
            for metadata_format in METADATA_FORMATS.values():
                _store(batch, metadata_format.prefix, _render(batch, metadata_format))
    return len(pks)


def oai_records_forget(*, material_pks: Iterable[int] | None = None) -> None:
    """Drop stored records: of these materials, or all of them (a vocabulary changed)."""
    records = OaiRecord.objects.all()
    if material_pks is not None:
        records = records.filter(material_id__in=list(material_pks))
    records.delete()
