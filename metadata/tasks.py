"""Background tasks of the metadata app (django-tasks: immediate here, queued at scale)."""

from django_tasks import task

from metadata.oai.records import oai_records_render


@task()
def render_oai_records(material_id: int) -> int:
    """Render and store a published material's OAI-PMH records; return how many materials."""
    # Idempotent: rendering again overwrites the same rows with the same text.
    return oai_records_render(material_pks=[material_id])
