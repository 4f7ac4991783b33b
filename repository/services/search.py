"""Keep the search index in step with what a material's search text depends on."""

from django.db import transaction

from wagtail.search import index

from repository.models import Material, MaterialFile, StoredFile


@transaction.atomic
def material_reindex(*, material: Material) -> None:
    """Write the material's current title, keywords and file text to the search index."""
    index.insert_or_update_object(material)


@transaction.atomic
def material_reindex_for_stored_file(stored_file: StoredFile) -> int:
    """Re-index every published material whose current files include the file; return how many.

    Call it when the file's extracted text becomes ready, so words in the file become findable.
    """
    materials = Material.objects.published().filter(
        pk__in=MaterialFile.objects.filter(stored_file=stored_file).values("material_id")
    )
    count = 0
    for material in materials.iterator():
        index.insert_or_update_object(material)
        count += 1
    return count
