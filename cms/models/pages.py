"""The home page and plain pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.mixins import SitePage


class HomePage(SitePage):
    """The site's front page; one per site and locale."""

    introduction = RichTextField(_("introductie"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = [*SitePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*SitePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StandardPage",
        "cms.NewsIndexPage",
        "cms.BestPracticeIndexPage",
        "cms.QualityFrameworkIndexPage",
        "cms.GovernanceIndexPage",
    ]

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")

    def get_summary(self) -> str:
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(
            latest_news=selectors.news_latest(locale_id=self.locale_id),
            featured_best_practices=selectors.best_practices_featured(locale_id=self.locale_id),
            featured_materials=selectors.materials_featured(),
            material_numbers=selectors.material_numbers(),
            sections=selectors.home_sections(self),
        )
        return context


class StandardPage(SitePage):
    """A plain page: about the alliance, the accessibility statement, privacy."""

    introduction = models.TextField(_("introductie"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = [*SitePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.HomePage", "cms.StandardPage", "cms.GovernanceIndexPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")

    def get_summary(self) -> str:
        return self.introduction
