"""Best practices: schools' worked examples with their evidence and the materials they used."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from cms.blocks import BodyBlock
from cms.models.mixins import FilterableIndexPage, SitePage, concept_field, image_field
from metadata.models import SECTORS, THEMES

STORY_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class BestPracticeIndexPage(FilterableIndexPage):
    """The best-practice section, filterable by sector and theme."""

    subpage_types = ["cms.BestPracticePage"]
    items_per_page = 12

    class Meta:
        verbose_name = _("overzicht van praktijkvoorbeelden")
        verbose_name_plural = _("overzichten van praktijkvoorbeelden")

    def filtered_items(self, *, sector, theme):
        from cms import selectors

        return selectors.best_practices_for_index(self, sector=sector, theme=theme)


class BestPracticePage(SitePage):
    """How one school or organisation tackled a problem, and what it achieved."""

    organisation = models.CharField(_("school of organisatie"), max_length=200)
    place = models.CharField(_("plaats"), max_length=100, blank=True)
    sector = concept_field(SECTORS, _("sector"))
    theme = concept_field(THEMES, _("thema"))
    summary = models.TextField(
        _("samenvatting"),
        max_length=300,
        help_text=_("Eén of twee zinnen voor het overzicht en zoekmachines."),
    )
    image = image_field()
    featured = models.BooleanField(
        _("uitlichten op de startpagina"),
        default=False,
        help_text=_("De startpagina toont de drie nieuwste uitgelichte voorbeelden."),
    )
    problem = RichTextField(_("het vraagstuk"), features=STORY_FEATURES)
    approach = RichTextField(_("de aanpak"), features=STORY_FEATURES)
    results = RichTextField(_("resultaten en onderbouwing"), features=STORY_FEATURES)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("meer over dit voorbeeld"))
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_role = models.CharField(_("functie van de contactpersoon"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mailadres van de contactpersoon"), blank=True)

    content_panels = [
        *SitePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("place"),
                FieldPanel("sector"),
                FieldPanel("theme"),
            ],
            heading=_("Wie en waarover"),
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("featured"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        FieldPanel("results"),
        InlinePanel("material_links", label=_("Gebruikte leermiddelen")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("organisation", boost=2),
        index.SearchField("summary", boost=2),
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("body"),
        index.RelatedFields("sector", [index.SearchField("label_nl")]),
        index.RelatedFields("theme", [index.SearchField("label_nl")]),
    ]

    parent_page_types = ["cms.BestPracticeIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("praktijkvoorbeeld")
        verbose_name_plural = _("praktijkvoorbeelden")

    def get_summary(self) -> str:
        return self.summary

    def get_share_image(self):
        return self.image

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["materials"] = selectors.best_practice_materials(self)
        return context


class BestPracticeMaterial(Orderable):
    """A learning material that a best practice used; shown only while it is published."""

    page = ParentalKey(BestPracticePage, on_delete=models.CASCADE, related_name="material_links")
    material = models.ForeignKey(
        "repository.Material",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("leermiddel"),
    )

    panels = [FieldPanel("material")]

    class Meta(Orderable.Meta):
        verbose_name = _("gebruikt leermiddel")
        verbose_name_plural = _("gebruikte leermiddelen")
