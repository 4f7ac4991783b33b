from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetadataConfig(AppConfig):
    name = "metadata"
    verbose_name = _("Metadata")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from metadata import signal_handlers

        signal_handlers.connect()
