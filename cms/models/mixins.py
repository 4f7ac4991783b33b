"""What every public page of the content site shares."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

META_DESCRIPTION_LENGTH = 160


class SitePage(Page):
    """A public page that describes itself to search engines, link previews and listings."""

    og_type = "website"

    class Meta:
        abstract = True

    def get_summary(self) -> str:
        """Return one or two plain sentences about the page, for listings."""
        return ""

    def get_meta_description(self) -> str:
        summary = self.search_description or self.get_summary()
        return Truncator(strip_tags(summary).strip()).chars(META_DESCRIPTION_LENGTH)

    def get_share_image(self):
        """Return the image that link previews show, if the page has one."""
        return None


class FilterableIndexPage(SitePage):
    """A section index whose items visitors narrow by sector and theme, in the URL."""

    introduction = models.TextField(_("introductie"), blank=True)

    content_panels = [*SitePage.content_panels, FieldPanel("introduction")]
    search_fields = [*SitePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1
    items_per_page = 10

    class Meta:
        abstract = True

    def get_summary(self) -> str:
        return self.introduction

    def filtered_items(self, *, sector, theme):
        """Return the section's live items for the chosen sector and theme (None: any)."""
        return self.get_children().none()

    def get_context(self, request, *args, **kwargs):
        from cms import selectors
        from cms.forms import ListingFilterForm

        context = super().get_context(request, *args, **kwargs)
        filter_form = ListingFilterForm(request.GET)
        sector, theme = filter_form.chosen()
        items = self.filtered_items(sector=sector, theme=theme)
        context.update(
            filter_form=filter_form,
            chosen_filters=[concept for concept in (sector, theme) if concept is not None],
            items=selectors.paginate(items, request.GET.get("page"), self.items_per_page),
        )
        return context


def concepts_field(scheme: str, verbose_name, **kwargs) -> ParentalManyToManyField:
    """Link a page to any number of active concepts of one vocabulary."""
    return ParentalManyToManyField(
        "metadata.Concept",
        blank=True,
        related_name="+",
        limit_choices_to={"scheme__slug": scheme, "active": True},
        verbose_name=verbose_name,
        **kwargs,
    )


def concept_field(scheme: str, verbose_name, *, required: bool = True, **kwargs):
    """Link a page to one active concept of a vocabulary.

    The column allows NULL even when the field is required, so a draft can be saved unfinished.
    """
    return models.ForeignKey(
        "metadata.Concept",
        on_delete=models.PROTECT,
        null=True,
        blank=not required,
        related_name="+",
        limit_choices_to={"scheme__slug": scheme, "active": True},
        verbose_name=verbose_name,
        **kwargs,
    )


def image_field(verbose_name=None, **kwargs) -> models.ForeignKey:
    return models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name or _("afbeelding"),
        **kwargs,
    )
