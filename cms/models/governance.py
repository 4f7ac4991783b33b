"""The alliance's organisation: steering group, working groups and sounding-board group."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from cms.blocks import BodyBlock, DocumentLinkBlock
from cms.models.mixins import SitePage, concept_field
from metadata.models import SECTORS, THEMES

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class GovernanceIndexPage(SitePage):
    """How the alliance is organised: its three equal parts and their groups."""

    introduction = models.TextField(_("introductie"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = [*SitePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GroupPage", "cms.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisatie")

    def get_summary(self) -> str:
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = (
            GroupPage.objects.child_of(self)
            .live()
            .public()
            .select_related("sector", "theme")
            .order_by("path")
        )
        context["groups_by_kind"] = [
            (heading, [group for group in groups if group.kind == kind])
            for kind, heading in GroupPage.KIND_HEADINGS.items()
        ]
        return context


class GroupPage(SitePage):
    """One group of the alliance: who is in it, what it may decide and how to join."""

    class Kind(models.TextChoices):
        STEERING = "steering", _("Stuurgroep")
        WORKING = "working", _("Werkgroep")
        SOUNDING_BOARD = "sounding_board", _("Klankbordgroep")

    KIND_HEADINGS = {
        Kind.STEERING: _("Stuurgroep"),
        Kind.WORKING: _("Werkgroepen"),
        Kind.SOUNDING_BOARD: _("Klankbordgroep"),
    }

    kind = models.CharField(_("soort groep"), max_length=20, choices=Kind.choices)
    sector = concept_field(SECTORS, _("sector"), required=False)
    theme = concept_field(THEMES, _("thema"), required=False)
    introduction = models.TextField(
        _("introductie"), help_text=_("Eén of twee zinnen: wat doet deze groep?")
    )
    mandate = RichTextField(_("mandaat"), features=TEXT_FEATURES)
    how_to_join = RichTextField(_("meedoen"), features=TEXT_FEATURES, blank=True)
    contact_email = models.EmailField(_("e-mailadres van de groep"), blank=True)
    documents = StreamField(
        [("document", DocumentLinkBlock())], blank=True, verbose_name=_("documenten")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("meer over de groep"))

    content_panels = [
        *SitePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("sector"), FieldPanel("theme")],
            heading=_("Soort groep"),
        ),
        FieldPanel("introduction"),
        FieldPanel("mandate"),
        InlinePanel("members", label=_("Leden")),
        FieldPanel("documents"),
        FieldPanel("how_to_join"),
        FieldPanel("contact_email"),
        FieldPanel("body"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("introduction", boost=2),
        index.SearchField("mandate"),
        index.SearchField("how_to_join"),
        index.RelatedFields(
            "members", [index.SearchField("name"), index.SearchField("organisation")]
        ),
    ]

    parent_page_types = ["cms.GovernanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")

    def get_summary(self) -> str:
        return self.introduction

    def clean(self):
        super().clean()
        if self.kind == self.Kind.WORKING and not (self.sector_id or self.theme_id):
            raise ValidationError(
                {"sector": _("Een werkgroep werkt voor een sector of aan een thema; kies er één.")}
            )


class GroupMember(Orderable):
    page = ParentalKey(GroupPage, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(
        _("rol"), max_length=200, blank=True, help_text=_("Bijvoorbeeld voorzitter of lid.")
    )
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("lid")
        verbose_name_plural = _("leden")

    def __str__(self):
        return self.name
