"""What every public page of the content site shares."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

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
