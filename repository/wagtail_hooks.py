from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import repository.feedback_hooks  # noqa: F401  (registers moderation and exports)
from repository import admin_urls, review_hooks  # noqa: F401  (registers the review workspace)
from repository.choosers import MaterialChooserViewSet
from repository.models import Material


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "doc-full"
    menu_label = _("Leermiddelen")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    chooser_viewset_class = MaterialChooserViewSet
    list_display = ["title", "owner", "live", "updated_at"]
    list_filter = ["live", "licence", "language"]
    search_fields = ["title", "summary", "description"]
    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("levels"),
                FieldPanel("subjects"),
                FieldPanel("curriculum_goals"),
                FieldPanel("resource_types"),
                FieldPanel("end_user_roles"),
                FieldPanel("language"),
                FieldPanel("licence"),
                FieldPanel("time_required"),
                FieldPanel("keywords"),
            ],
            heading=_("Metadata"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_features"),
                FieldPanel("accessibility_hazards"),
                FieldPanel("accessibility_summary"),
            ],
            heading=_("Toegankelijkheid"),
        ),
        FieldPanel("change_note"),
    ]


register_snippet(MaterialViewSet)


@hooks.register("register_admin_urls")
def register_repository_admin_urls():
    return [path("bestanden/", include(admin_urls, namespace="repository_admin"))]


class TakeDownMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("repository.take_down_storedfile")


@hooks.register("register_admin_menu_item")
def register_take_down_menu_item():
    return TakeDownMenuItem(
        _("Bestanden verwijderen"),
        reverse("repository_admin:stored_files"),
        icon_name="warning",
        order=950,
    )
