"""What comes back from classrooms: experiences (feedback) and problem reports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Feedback(models.Model):
    """An experience with a material ("Ik heb dit gebruikt") from a teacher, student or parent.

    Teachers answer in detail and are signed in. Students and parents answer briefly without an
    account; their feedback waits for moderation and stores no name, e-mail or address (rate
    limiting works on a keyed hash that lives only in the cache).
    """

    class Role(models.TextChoices):
        TEACHER = "teacher", _("leraar")
        STUDENT = "student", _("leerling")
        PARENT = "parent", _("ouder of verzorger")

    class Outcome(models.IntegerChoices):
        POOR = 1, _("slecht")
        MIXED = 2, _("wisselend")
        GOOD = 3, _("goed")
        VERY_GOOD = 4, _("heel goed")

    class Helpful(models.TextChoices):
        YES = "yes", _("ja")
        PARTLY = "partly", _("een beetje")
        NO = "no", _("nee")

    class Again(models.TextChoices):
        YES = "yes", _("ja")
        MAYBE = "maybe", _("misschien")
        NO = "no", _("nee")

    class Status(models.TextChoices):
        PENDING = "pending", _("wacht op controle")
        APPROVED = "approved", _("geplaatst")
        REJECTED = "rejected", _("niet geplaatst")

    material = models.ForeignKey(
        "repository.Material", on_delete=models.CASCADE, related_name="feedback"
    )
    version_number = models.PositiveIntegerField(_("versie"), null=True, blank=True)
    role = models.CharField(_("ik ben"), max_length=16, choices=Role.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("leraar"),
    )
    level = models.ForeignKey(
        "metadata.Concept",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"scheme__slug": "levels"},
        verbose_name=_("onderwijsniveau"),
    )
    class_context = models.CharField(
        _("klas of groep"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: groep 6, 24 leerlingen, twee lessen van 45 minuten."),
    )
    outcome = models.PositiveSmallIntegerField(
        _("hoe ging het"), choices=Outcome.choices, null=True, blank=True
    )
    helpful = models.CharField(_("hielp het"), max_length=8, choices=Helpful.choices, blank=True)
    comment = models.TextField(_("toelichting"), max_length=2000, blank=True)
    adaptations = models.TextField(_("wat heeft u aangepast"), blank=True)
    would_use_again = models.CharField(
        _("zou u het opnieuw gebruiken"), max_length=8, choices=Again.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gecontroleerd door"),
    )
    moderated_at = models.DateTimeField(_("gecontroleerd op"), null=True, blank=True)
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)

    class Meta:
        verbose_name = _("ervaring")
        verbose_name_plural = _("ervaringen")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("moderate_feedback", _("Mag ervaringen controleren en verbergen")),
            ("export_evaluation", _("Mag beoordelingen, ervaringen en meldingen exporteren")),
        ]
        indexes = [
            # "Most used" counts a material's approved teacher experiences.
            models.Index(
                fields=["material", "role", "status"], name="repository_feedback_usage_idx"
            ),
        ]
        constraints = [
            # A teacher shares one experience per version; a new version may bring a new one.
            models.UniqueConstraint(
                fields=["material", "author", "version_number"],
                condition=models.Q(author__isnull=False),
                name="repository_feedback_once_per_teacher_version",
            )
        ]

    def __str__(self):
        return f"{self.material} ({self.get_role_display()})"


class Report(models.Model):
    """ "Meld een probleem": lands in the editors' moderation queue until resolved."""

    class Reason(models.TextChoices):
        INCORRECT = "incorrect", _("inhoud klopt niet")
        INACCESSIBLE = "inaccessible", _("niet toegankelijk")
        LICENCE = "licence", _("probleem met licentie of auteursrecht")
        INAPPROPRIATE = "inappropriate", _("ongepast")
        OTHER = "other", _("iets anders")

    class Status(models.TextChoices):
        OPEN = "open", _("nieuw")
        IN_PROGRESS = "in_progress", _("in behandeling")
        RESOLVED = "resolved", _("opgelost")
        DISMISSED = "dismissed", _("afgewezen")

    material = models.ForeignKey(
        "repository.Material", on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("wat is het probleem"), max_length=16, choices=Reason.choices)
    description = models.TextField(_("toelichting"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeld door"),
    )
    contact_email = models.EmailField(
        _("e-mailadres voor een antwoord"),
        blank=True,
        help_text=_("Niet verplicht. Alleen de redactie ziet dit."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    resolution_note = models.TextField(_("afhandeling"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandeld door"),
    )
    handled_at = models.DateTimeField(_("behandeld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-pk"]
        permissions = [("handle_report", _("Mag meldingen afhandelen"))]

    def __str__(self):
        return f"{self.material}: {self.get_reason_display()}"
