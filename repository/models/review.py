"""Peer review against the quality framework: the workflow task, assignments, reviews, scores."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import GroupApprovalTask, TaskState


def is_author(material, user) -> bool:
    """Return True for the material's owner and co-authors."""
    if not user.is_authenticated:
        return False
    if material.owner_id == user.pk:
        return True
    return material.co_authors.filter(pk=user.pk).exists()


class MaterialReviewTask(GroupApprovalTask):
    """Review by the reviewers' group through the framework rubric, never by an author."""

    required_reviewers = models.PositiveSmallIntegerField(
        _("aantal beoordelaars"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Zoveel positieve beoordelingen zijn nodig voordat het leermiddel verschijnt."),
    )
    review_days = models.PositiveSmallIntegerField(
        _("termijn in dagen"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Binnen zoveel dagen na toewijzing hoort een beoordeling klaar te zijn."),
    )

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        # Every (re)start of the task is a submission: reviewers are assigned at this moment.
        from repository.services.review import review_task_started

        review_task_started(task_state=task_state, task=self)
        return task_state

    def user_can_access_editor(self, obj, user):
        # Reviewers judge a material; only its authors change it (repository.permissions).
        return False

    def get_actions(self, obj, user):
        # The rubric in the reviewer workspace is the only way to decide: no bare "Approve".
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        raise PermissionDenied("Materials are decided through the review rubric only.")

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # Wagtail's own "awaiting your review" panel would offer no actions; ours replaces it.
        return TaskState.objects.none()

    class Meta:
        verbose_name = _("beoordeling van een leermiddel")
        verbose_name_plural = _("beoordelingen van leermiddelen")


class ReviewStatus(models.TextChoices):
    """The layered status shown on a material; never a seal of approval."""

    NOT_REVIEWED = "not_reviewed", _("niet beoordeeld")
    IN_REVIEW = "in_review", _("in beoordeling")
    REVIEWED = "reviewed", _("beoordeeld")
    CHANGES_REQUESTED = "changes_requested", _("wijzigingen gevraagd")
    REJECTED = "rejected", _("afgewezen")


class ReviewAssignment(models.Model):
    """A reviewer asked (or volunteering) to review one submission of a material."""

    class Source(models.TextChoices):
        AUTOMATIC = "automatic", _("automatisch toegewezen")
        CLAIMED = "claimed", _("zelf opgepakt")
        EDITOR = "editor", _("toegewezen door de redactie")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("afgerond")
        DECLINED = "declined", _("teruggegeven")
        CANCELLED = "cancelled", _("vervallen")

    material = models.ForeignKey(
        "repository.Material", on_delete=models.CASCADE, related_name="review_assignments"
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState", on_delete=models.CASCADE, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_assignments",
        verbose_name=_("beoordelaar"),
    )
    source = models.CharField(_("herkomst"), max_length=16, choices=Source.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    assigned_at = models.DateTimeField(_("toegewezen op"), auto_now_add=True)
    due_at = models.DateTimeField(_("uiterlijk klaar op"))
    reminded_at = models.DateTimeField(_("herinnerd op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workflow_state", "reviewer"], name="repository_assignment_once"
            )
        ]

    def __str__(self):
        return f"{self.material} → {self.reviewer}"


class Review(models.Model):
    """One reviewer's assessment of one submitted revision, against one framework version.

    Reviews outlive reviewer accounts: the reviewer becomes empty (anonymised), the review stays.
    """

    class Recommendation(models.TextChoices):
        APPROVE = "approve", _("goedkeuren")
        CHANGES = "changes", _("wijzigingen vragen")
        REJECT = "reject", _("afwijzen")

    material = models.ForeignKey(
        "repository.Material", on_delete=models.CASCADE, related_name="reviews"
    )
    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeelde revisie"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("beoordelaar"),
    )
    framework = models.ForeignKey(
        "cms.QualityFrameworkPage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kwaliteitskader"),
    )
    framework_version = models.CharField(_("versie van het kwaliteitskader"), max_length=20)
    recommendation = models.CharField(_("advies"), max_length=16, choices=Recommendation.choices)
    public_summary = models.TextField(
        _("openbare samenvatting"),
        blank=True,
        help_text=_("Verschijnt bij het leermiddel. Schrijf voor leraren die het overwegen."),
    )
    comments_for_author = models.TextField(
        _("toelichting voor de auteur"),
        blank=True,
        help_text=_("Wat moet er anders, of waarom wijst u het af? Alleen de auteurs zien dit."),
    )
    created_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.material} ({self.get_recommendation_display()})"


class ReviewScore(models.Model):
    """A score on one criterion: 1–4, or empty for "not applicable"."""

    SCALE = (
        (1, _("onvoldoende")),
        (2, _("matig")),
        (3, _("voldoende")),
        (4, _("goed")),
    )

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "cms.QualityCriterion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    criterion_code = models.CharField(_("code"), max_length=10)
    criterion_title = models.CharField(_("criterium"), max_length=200)
    sort_order = models.PositiveIntegerField(default=0)
    score = models.PositiveSmallIntegerField(
        _("score"),
        null=True,
        blank=True,
        choices=SCALE,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Leeg betekent: niet van toepassing."),
    )
    comment = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["review", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion_code"], name="repository_score_once_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.criterion_code}: {self.score or '-'}"


class ConflictOfInterest(models.Model):
    """A reviewer's declaration that they should not review a material."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflicts_of_interest"
    )
    material = models.ForeignKey(
        "repository.Material", on_delete=models.CASCADE, related_name="conflicts_of_interest"
    )
    reason = models.TextField(_("reden"), blank=True)
    declared_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("belangenconflict")
        verbose_name_plural = _("belangenconflicten")
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "material"], name="repository_conflict_once"
            )
        ]

    def __str__(self):
        return f"{self.reviewer} ≠ {self.material}"
