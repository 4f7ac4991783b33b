from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts import signal_handlers

        signal_handlers.register_signal_handlers()
        post_migrate.connect(signal_handlers.sync_roles_after_migrate)
