"""Keep location data out of the CMS's own images: Wagtail originals and their renditions.

Wagtail copies an original's EXIF into every rendition, so a phone photo uploaded by an editor
would publish where it was taken. New files are cleaned as they are saved, whatever path saves
them (admin form, multiple uploader, API, scripts), with the repository's GPS stripper.
"""

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save

from wagtail.images import get_image_model

import magic

from repository.image_metadata import image_without_location

SNIFF_BYTES = 4096


def _cleaned_file(field_file) -> ContentFile | None:
    """Return the new file's bytes without GPS, or None when there was nothing to remove."""
    field_file.open("rb")
    field_file.seek(0)
    data = field_file.read()
    field_file.seek(0)
    mime_type = magic.from_buffer(data[:SNIFF_BYTES], mime=True)
    cleaned = image_without_location(data, mime_type)
    if cleaned == data:
        return None
    return ContentFile(cleaned, name=field_file.name)


def _strip_location_from_new_file(sender, instance, **kwargs) -> None:
    field_file = instance.file
    # Only bytes not yet in storage: saving a title change must not rewrite the original.
    if not field_file or getattr(field_file, "_committed", True):
        return
    cleaned = _cleaned_file(field_file)
    if cleaned is None:
        return
    instance.file = cleaned
    if hasattr(instance, "_set_image_file_metadata"):
        # Size and hash (duplicate detection) must describe the bytes we keep.
        instance._set_image_file_metadata()


def connect() -> None:
    image_model = get_image_model()
    pre_save.connect(
        _strip_location_from_new_file, sender=image_model, dispatch_uid="cms_image_no_gps"
    )
    pre_save.connect(
        _strip_location_from_new_file,
        sender=image_model.get_rendition_model(),
        dispatch_uid="cms_rendition_no_gps",
    )
