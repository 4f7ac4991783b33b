from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from lti.models import Registration
from lti.views.admin import tool_configuration


class RegistrationViewSet(ModelViewSet):
    """Koppelingen with learning environments; model permissions keep it to administrators."""

    model = Registration
    name = "lti-koppelingen"
    icon = "link"
    menu_label = _("Koppelingen")
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "issuer", "client_id", "active", "registered_dynamically", "created_at"]
    list_filter = ["active", "registered_dynamically"]
    search_fields = ["name", "issuer", "client_id"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel("active"),
        MultiFieldPanel(
            [
                FieldPanel("issuer"),
                FieldPanel("client_id"),
                FieldPanel("auth_login_url"),
                FieldPanel("auth_token_url"),
                FieldPanel("key_set_url"),
            ],
            heading=_("Gegevens van de leeromgeving"),
        ),
        InlinePanel("deployments", heading=_("Deployments"), label=_("Deployment"), min_num=0),
        FieldPanel("extra_origins"),
    ]


class ToolConfigurationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("lti.view_registration")


class ToolConfigurationViewSet(ViewSet):
    """The values to enter in a learning environment that cannot register dynamically."""

    name = "lti-gegevens"
    icon = "code"
    menu_label = _("Gegevens voor de leeromgeving")
    menu_item_class = ToolConfigurationMenuItem

    def get_urlpatterns(self):
        return [path("", tool_configuration, name="index")]


class LtiViewSetGroup(ViewSetGroup):
    menu_label = _("LTI-koppelingen")
    menu_icon = "link"
    menu_order = 960
    items = (RegistrationViewSet, ToolConfigurationViewSet)


@hooks.register("register_admin_viewset")
def register_lti_viewsets():
    return LtiViewSetGroup()
