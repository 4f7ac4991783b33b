"""Collections (arrangementen): ordered sets of published materials with sections and notes."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from metadata.licences import DEFAULT_LICENCE, licence_choices


class CollectionQuerySet(models.QuerySet):
    def public(self):
        """Collections listed for everyone (search, sitemap, OAI)."""
        return self.filter(visibility=Collection.Visibility.PUBLIC, deleted_at__isnull=True)

    def viewable(self):
        """Collections anyone with the link may open: public or unlisted."""
        return self.filter(
            visibility__in=[Collection.Visibility.PUBLIC, Collection.Visibility.UNLISTED],
            deleted_at__isnull=True,
        )

    def owned_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user, deleted_at__isnull=True)


class Collection(models.Model):
    """A teacher's ordered sequence of published materials (a lesson series), itself shareable."""

    class Visibility(models.TextChoices):
        PRIVATE = "private", _("alleen voor mij")
        UNLISTED = "unlisted", _("iedereen met de link")
        PUBLIC = "public", _("openbaar")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="collections",
        verbose_name=_("eigenaar"),
    )
    title = models.CharField(_("titel"), max_length=255)
    summary = models.CharField(_("samenvatting"), max_length=500, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    levels = models.ManyToManyField(
        "metadata.Concept",
        blank=True,
        related_name="+",
        limit_choices_to={"scheme__slug": "levels", "active": True},
        verbose_name=_("onderwijsniveaus"),
    )
    subjects = models.ManyToManyField(
        "metadata.Concept",
        blank=True,
        related_name="+",
        limit_choices_to={"scheme__slug": "subjects", "active": True},
        verbose_name=_("vakken"),
    )
    language = models.CharField(_("taal"), max_length=8, default="nl")
    licence = models.CharField(
        _("licentie"), max_length=32, choices=licence_choices, default=DEFAULT_LICENCE
    )
    visibility = models.CharField(
        _("zichtbaarheid"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
        db_index=True,
    )
    # A collection made from another one keeps its source and that source's attribution as
    # text, so the chain survives when the source disappears.
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="remixes",
        verbose_name=_("gebaseerd op"),
    )
    based_on_attribution = models.TextField(_("naamsvermelding van de bron"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    deleted_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)

    objects = CollectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementen")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["visibility", "-updated_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("repository:collection_detail", args=[self.pk])


class CollectionItem(models.Model):
    """One step of a collection: a section heading, or a material with the teacher's note."""

    class Kind(models.TextChoices):
        SECTION = "section", _("onderdeel")
        MATERIAL = "material", _("leermiddel")

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("soort"), max_length=16, choices=Kind.choices)
    material = models.ForeignKey(
        "repository.Material",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="collection_items",
        verbose_name=_("leermiddel"),
    )
    # Kept for a section's heading, and for a material's title should it disappear.
    title = models.CharField(_("titel"), max_length=255, blank=True)
    note = models.TextField(_("notitie"), blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("onderdeel van een arrangement")
        verbose_name_plural = _("onderdelen van een arrangement")
        ordering = ["collection", "sort_order", "pk"]

    def __str__(self):
        return self.title or str(self.material_id)
