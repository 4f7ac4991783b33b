from django.apps import apps
from django.contrib.auth.signals import user_logged_in, user_login_failed

from allauth.account.signals import email_confirmed

from accounts import services, throttling


def grant_teacher_role_on_email_confirmed(sender, request, email_address, **kwargs):
    services.user_grant_teacher_role(user=email_address.user)


def count_failed_login(sender, credentials, request=None, **kwargs):
    throttling.login_failure_record(request, throttling.credential_identifier(credentials))


def forget_failed_logins(sender, request, user, **kwargs):
    throttling.login_success_record(user)


def sync_roles_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app; permissions of every app exist only after the last.
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is last_app:
        services.roles_sync(using=kwargs.get("using", "default"))


def register_signal_handlers():
    email_confirmed.connect(grant_teacher_role_on_email_confirmed)
    # Django sends these for every log-in path: the site, the Wagtail admin, re-authentication.
    user_login_failed.connect(count_failed_login)
    user_logged_in.connect(forget_failed_logins)
