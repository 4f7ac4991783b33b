from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class RepositoryConfig(AppConfig):
    name = "repository"
    verbose_name = _("Leermiddelen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from repository import signal_handlers
        from repository.checks import check_libmagic

        checks.register(check_libmagic)
        signal_handlers.register_signal_handlers()
