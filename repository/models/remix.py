"""Remix lineage: which published versions a material is based on, with attribution as text."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MaterialSource(models.Model):
    """One source of a remix (bewerking): the exact version it derives from.

    The attribution (title, authors, address, licence) is copied as text when the source is
    recorded, so the chain stays complete when a source is withdrawn or deleted. The source
    links are kept outside the material's revisions: only the remix's owner moves them, by
    accepting a newer source version.
    """

    remix = models.ForeignKey(
        "repository.Material", on_delete=models.CASCADE, related_name="sources"
    )
    source_material = models.ForeignKey(
        "repository.Material",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="remixes",
        verbose_name=_("gebaseerd op"),
    )
    source_version = models.ForeignKey(
        "repository.MaterialVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="remixes",
        verbose_name=_("versie van de bron"),
    )
    version_number = models.PositiveIntegerField(_("versie van de bron"))
    title = models.CharField(_("titel van de bron"), max_length=255)
    authors = models.CharField(_("makers van de bron"), max_length=500)
    source_url = models.URLField(_("adres van de bron"), max_length=500)
    licence = models.CharField(_("licentie van de bron"), max_length=32)
    # The source's own attribution chain at the time, one line per ancestor, so a withdrawn
    # middle generation still passes on who made what came before it.
    inherited_attribution = models.TextField(_("eerdere naamsvermelding"), blank=True)
    # The newest source version whose notice the owner has dealt with (pulled or dismissed).
    seen_version_number = models.PositiveIntegerField(null=True, blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bron van een bewerking")
        verbose_name_plural = _("bronnen van een bewerking")
        ordering = ["remix", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["remix", "source_material"], name="repository_source_unique_material"
            )
        ]

    def __str__(self):
        return f"{self.title} v{self.version_number}"
