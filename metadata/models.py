"""Controlled vocabularies as data: concept schemes and concepts with stable identifiers."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ConceptScheme(models.Model):
    """A vocabulary such as educational levels or subjects."""

    slug = models.SlugField(_("code"), unique=True)
    uri = models.CharField(_("URI"), max_length=300, unique=True)
    label_nl = models.CharField(_("naam (Nederlands)"), max_length=200)
    label_en = models.CharField(_("naam (Engels)"), max_length=200)

    class Meta:
        verbose_name = _("begrippenlijst")
        verbose_name_plural = _("begrippenlijsten")
        ordering = ["slug"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if get_language() == "en" else self.label_nl


class ConceptQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def in_scheme(self, slug: str):
        return self.filter(scheme__slug=slug)


class Concept(models.Model):
    """One term of a vocabulary, identified by its scheme and a stable identifier."""

    scheme = models.ForeignKey(
        ConceptScheme, on_delete=models.PROTECT, related_name="concepts", verbose_name=_("lijst")
    )
    identifier = models.CharField(_("identificatie"), max_length=100)
    uri = models.CharField(_("URI"), max_length=300, unique=True)
    notation = models.CharField(_("notatie"), max_length=50, blank=True)
    label_nl = models.CharField(_("term (Nederlands)"), max_length=300)
    label_en = models.CharField(_("term (Engels)"), max_length=300)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("bovenliggend begrip"),
    )
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("vervangen door"),
    )
    active = models.BooleanField(_("actief"), default=True)
    sort_order = models.PositiveIntegerField(_("volgorde"), default=0)

    objects = ConceptQuerySet.as_manager()

    class Meta:
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")
        ordering = ["scheme", "sort_order", "label_nl"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "identifier"], name="metadata_concept_unique_identifier"
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if get_language() == "en" else self.label_nl
