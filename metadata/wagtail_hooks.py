from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from metadata.choosers import ConceptChooserViewSet
from metadata.forms import ConceptAdminForm, ConceptSchemeAdminForm
from metadata.models import CONCEPT_LOOKUP_FIELDS, Concept, ConceptScheme


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "tag"
    list_display = [
        "label_nl",
        "notation",
        "scheme",
        "identifier",
        BooleanColumn("active", label=_("Actief")),
    ]
    list_filter = ["scheme", "active"]
    search_fields = list(CONCEPT_LOOKUP_FIELDS)
    chooser_viewset_class = ConceptChooserViewSet
    list_per_page = 50
    inspect_view_enabled = True
    # A copy would repeat the identifier and URI, which must stay unique.
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("scheme", widget=forms.Select),
            FieldRowPanel([FieldPanel("identifier"), FieldPanel("notation")]),
            FieldPanel("uri"),
            FieldRowPanel([FieldPanel("label_nl"), FieldPanel("label_en")]),
            MultiFieldPanel(
                [FieldPanel("definition_nl"), FieldPanel("definition_en")],
                heading=_("Omschrijving"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("parent"),
                    FieldPanel("replaced_by"),
                    FieldRowPanel([FieldPanel("active"), FieldPanel("sort_order")]),
                    FieldPanel("source"),
                ],
                heading=_("Plaats in de lijst"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Kerndoel: onderwijsniveaus en vakken"),
            ),
        ],
        base_form_class=ConceptAdminForm,
    )


class ConceptSchemeViewSet(SnippetViewSet):
    model = ConceptScheme
    icon = "list-ul"
    list_display = ["label_nl", "label_en", "slug", "uri"]
    search_fields = ["label_nl", "label_en", "slug", "uri"]
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("slug"),
            FieldPanel("uri"),
            FieldRowPanel([FieldPanel("label_nl"), FieldPanel("label_en")]),
        ],
        base_form_class=ConceptSchemeAdminForm,
    )


class MetadataViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Metadata")
    menu_icon = "tag"
    menu_order = 800
    items = (ConceptViewSet, ConceptSchemeViewSet)


register_snippet(MetadataViewSetGroup)
