from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Inhoud")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import image_location, signal_handlers

        signal_handlers.connect()
        image_location.connect()
