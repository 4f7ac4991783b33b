from django.apps import apps

from allauth.account.signals import email_confirmed

from accounts import services


def grant_teacher_role_on_email_confirmed(sender, request, email_address, **kwargs):
    services.user_grant_teacher_role(user=email_address.user)


def sync_roles_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app; permissions of every app exist only after the last.
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is last_app:
        services.roles_sync(using=kwargs.get("using", "default"))


def register_signal_handlers():
    email_confirmed.connect(grant_teacher_role_on_email_confirmed)
