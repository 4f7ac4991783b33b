"""Immutable stored bytes, content-addressed by SHA-256."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredFileQuerySet(models.QuerySet):
    def available(self):
        return self.filter(removed_at__isnull=True)


class StoredFile(models.Model):
    """Bytes stored once; rows are never changed, only marked removed by a takedown."""

    class ScanStatus(models.TextChoices):
        NOT_SCANNED = "not_scanned", _("niet gescand (geen virusscanner ingesteld)")
        PENDING = "pending", _("wordt gescand")
        CLEAN = "clean", _("geen virus gevonden")
        INFECTED = "infected", _("virus gevonden")

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True, editable=False)
    size = models.PositiveBigIntegerField(_("grootte in bytes"), editable=False)
    mime_type = models.CharField(_("bestandstype"), max_length=127, editable=False)
    storage_name = models.CharField(_("opslagnaam"), max_length=255, unique=True, editable=False)
    created_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geüpload door"),
    )
    removed_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True, editable=False)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verwijderd door"),
    )
    removal_reason = models.TextField(_("reden van verwijdering"), blank=True)
    scan_status = models.CharField(
        _("virusscan"),
        max_length=16,
        choices=ScanStatus.choices,
        default=ScanStatus.NOT_SCANNED,
        db_index=True,
        editable=False,
    )
    scanned_at = models.DateTimeField(_("gescand op"), null=True, blank=True, editable=False)
    scan_signature = models.CharField(
        _("gevonden virus"), max_length=255, blank=True, editable=False
    )

    objects = StoredFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("bestand")
        verbose_name_plural = _("bestanden")
        permissions = [
            ("take_down_storedfile", _("Kan bestanden om juridische redenen verwijderen"))
        ]

    def __str__(self):
        return f"{self.sha256[:12]} ({self.mime_type}, {self.size} B)"

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None


class FileDerivative(models.Model):
    """What background tasks derive from stored bytes: a preview image and searchable text.

    Kept apart from StoredFile so that the stored file's row itself never changes.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("wacht op verwerking")
        READY = "ready", _("klaar")
        UNAVAILABLE = "unavailable", _("niet mogelijk voor dit type")
        FAILED = "failed", _("mislukt")

    stored_file = models.OneToOneField(
        StoredFile, on_delete=models.CASCADE, related_name="derivative", primary_key=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    preview_name = models.CharField(
        _("opslagnaam van de voorvertoning"), max_length=255, blank=True
    )
    preview_width = models.PositiveIntegerField(null=True, blank=True)
    preview_height = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(_("tekst uit het bestand"), blank=True)
    page_count = models.PositiveIntegerField(_("aantal pagina's"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(_("duur in seconden"), null=True, blank=True)
    error = models.TextField(_("foutmelding"), blank=True)
    processed_at = models.DateTimeField(_("verwerkt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("afgeleide van een bestand")
        verbose_name_plural = _("afgeleiden van bestanden")

    def __str__(self):
        return f"{self.stored_file_id}: {self.status}"
