"""The editors' moderation in the Wagtail admin: URLs, a "Terugkoppeling" menu and a home panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from repository import feedback_admin_urls
from repository.selectors.feedback import moderation_counts

MODERATION_PERMISSIONS = ("repository.handle_report", "repository.moderate_feedback")


@hooks.register("register_admin_urls")
def register_feedback_admin_urls():
    return [path("terugkoppeling/", include(feedback_admin_urls))]


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users with one permission."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_feedback_menu():
    items = [
        PermissionMenuItem(
            _("Meldingen"),
            reverse("repository_feedback_admin:report_list"),
            icon_name="warning",
            order=100,
            permission="repository.handle_report",
        ),
        PermissionMenuItem(
            _("Ervaringen controleren"),
            reverse("repository_feedback_admin:feedback_list"),
            icon_name="comment",
            order=200,
            permission="repository.moderate_feedback",
        ),
        PermissionMenuItem(
            _("Exports voor de evaluatie"),
            reverse("repository_feedback_admin:exports"),
            icon_name="download",
            order=300,
            permission="repository.export_evaluation",
        ),
    ]
    # Wagtail hides a submenu whose items are all hidden, so others never see it.
    return SubmenuMenuItem(_("Terugkoppeling"), Menu(items=items), icon_name="comment", order=270)


class ModerationPanel(Component):
    """The admin home panel for editors: open reports and experiences waiting for a look."""

    name = "feedback_moderation"
    order = 95
    template_name = "repository/feedback/admin/dashboard_panel.html"

    def __init__(self, *, counts: dict[str, int], can_handle_reports: bool, can_moderate: bool):
        self.counts = counts
        self.can_handle_reports = can_handle_reports
        self.can_moderate = can_moderate

    def get_context_data(self, parent_context):
        return {
            "counts": self.counts,
            "can_handle_reports": self.can_handle_reports,
            "can_moderate": self.can_moderate,
        }


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    user = request.user
    if any(user.has_perm(permission) for permission in MODERATION_PERMISSIONS):
        panels.append(
            ModerationPanel(
                counts=moderation_counts(),
                can_handle_reports=user.has_perm("repository.handle_report"),
                can_moderate=user.has_perm("repository.moderate_feedback"),
            )
        )
