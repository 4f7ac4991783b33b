from wagtail.signals import published

from repository.models import Material


def record_version_on_publish(sender, instance, revision, **kwargs):
    from repository.services.materials import version_record_publication

    version_record_publication(material=instance, revision=revision)


def register_signal_handlers():
    published.connect(record_version_on_publish, sender=Material)
