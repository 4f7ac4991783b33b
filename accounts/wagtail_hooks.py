from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import admin_urls


@hooks.register("register_admin_urls")
def register_accounts_admin_urls():
    return [path("accounts/", include(admin_urls, namespace="accounts_admin"))]


class ReviewerRolesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("accounts.grant_reviewer_role")


@hooks.register("register_admin_menu_item")
def register_reviewer_roles_menu_item():
    return ReviewerRolesMenuItem(
        _("Beoordelaars"),
        reverse("accounts_admin:reviewer_roles"),
        icon_name="group",
        order=900,
    )
