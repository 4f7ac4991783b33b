"""Published versions: frozen metadata and file lists that stay downloadable."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from repository.models.materials import Material


class MaterialVersion(models.Model):
    """One publication of a material (v1, v2, …), kept after newer versions appear."""

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("revisie"),
    )
    title = models.CharField(_("titel"), max_length=255)
    licence = models.CharField(_("licentie"), max_length=32)
    change_note = models.TextField(_("wat is er veranderd"), blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gepubliceerd door"),
    )

    class Meta:
        verbose_name = _("versie")
        verbose_name_plural = _("versies")
        ordering = ["material", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["material", "number"], name="repository_version_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.title} v{self.number}"

    @property
    def label(self) -> str:
        return f"v{self.number}"


class VersionFile(models.Model):
    version = models.ForeignKey(MaterialVersion, on_delete=models.CASCADE, related_name="files")
    stored_file = models.ForeignKey(
        "repository.StoredFile", on_delete=models.PROTECT, related_name="version_files"
    )
    original_name = models.CharField(_("bestandsnaam"), max_length=255)
    role = models.CharField(_("rol"), max_length=16, choices=Material.Role.choices)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bestand van een versie")
        verbose_name_plural = _("bestanden van een versie")
        ordering = ["version", "sort_order"]

    def __str__(self):
        return self.original_name
