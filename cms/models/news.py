"""Alliance news: an index with filters and feeds, and the news items under it."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.mixins import FilterableIndexPage, SitePage, concepts_field, image_field
from metadata.models import SECTORS, THEMES


class NewsIndexPage(FilterableIndexPage):
    """The news section: items newest first, filterable by sector and theme."""

    subpage_types = ["cms.NewsPage"]
    items_per_page = 10

    class Meta:
        verbose_name = _("nieuwsoverzicht")
        verbose_name_plural = _("nieuwsoverzichten")

    def filtered_items(self, *, sector, theme):
        from cms import selectors

        return selectors.news_for_index(self, sector=sector, theme=theme)


class NewsPageForm(WagtailAdminPageForm):
    """The news editor's form, which reports a change only when the editor made one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django compares a field with a callable default against a hidden "initial-" input
        # that Wagtail never renders, so the date always looked changed. An approval from the
        # editor then saved a new revision, which restarted the review: the item never went live.
        self.fields["date"].show_hidden_initial = False


class NewsPage(SitePage):
    """One news item."""

    base_form_class = NewsPageForm

    date = models.DateField(_("datum"), default=timezone.localdate)
    summary = models.TextField(
        _("samenvatting"),
        max_length=300,
        help_text=_("Eén of twee zinnen voor het overzicht, de feed en zoekmachines."),
    )
    image = image_field()
    sectors = concepts_field(SECTORS, _("sectoren"))
    themes = concepts_field(THEMES, _("thema's"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Onderwerp"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("sectors", [index.SearchField("label_nl")]),
        index.RelatedFields("themes", [index.SearchField("label_nl")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")

    def get_summary(self) -> str:
        return self.summary

    def get_share_image(self):
        return self.image
