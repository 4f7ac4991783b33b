"""Materials: open learning resources with metadata, drafts, review workflow and files."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase

from metadata.licences import DEFAULT_LICENCE, licence_choices
from repository.models.files import FileDerivative
from repository.models.review import ReviewStatus

# Enough for a thick reader; bounds the index size of a single material.
FILE_TEXT_LIMIT = 200_000


# Every vocabulary field of a material, in the order forms and records show them.
CONCEPT_FIELDS = (
    "levels",
    "subjects",
    "curriculum_goals",
    "resource_types",
    "end_user_roles",
    "accessibility_features",
    "accessibility_hazards",
)


def _concepts(scheme: str, verbose_name):
    return ParentalManyToManyField(
        "metadata.Concept",
        blank=True,
        related_name="+",
        limit_choices_to={"scheme__slug": scheme, "active": True},
        verbose_name=verbose_name,
    )


class MaterialQuerySet(models.QuerySet):
    def published(self):
        """Materials anyone may see: live and not withdrawn."""
        return self.filter(live=True, withdrawn_at__isnull=True, deleted_at__isnull=True)

    def not_deleted(self):
        """Materials outside the bin (prullenbak)."""
        return self.filter(deleted_at__isnull=True)

    def editable_by(self, user):
        """Materials the user may edit: owned or co-authored."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(models.Q(owner=user) | models.Q(co_authors=user)).distinct()


class Material(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """An open learning material: metadata plus one or more files, published in versions."""

    class Role(models.TextChoices):
        MAIN = "main", _("hoofdbestand")
        ATTACHMENT = "attachment", _("bijlage")
        SOURCE = "source", _("bronbestand")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="materials",
        verbose_name=_("eigenaar"),
    )
    co_authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="co_authored_materials",
        verbose_name=_("mede-auteurs"),
    )
    title = models.CharField(_("titel"), max_length=255)
    summary = models.CharField(
        _("samenvatting"),
        max_length=500,
        blank=True,
        help_text=_("Eén of twee zinnen: wat is het en voor wie?"),
    )
    description = models.TextField(_("beschrijving"), blank=True)
    levels = _concepts("levels", _("onderwijsniveaus"))
    subjects = _concepts("subjects", _("vakken"))
    curriculum_goals = _concepts("curriculum-goals", _("kerndoelen"))
    resource_types = _concepts("resource-types", _("soort leermiddel"))
    end_user_roles = _concepts("end-user-roles", _("bedoeld voor"))
    accessibility_features = _concepts("accessibility-features", _("toegankelijkheid"))
    accessibility_hazards = _concepts("accessibility-hazards", _("risico's bij gebruik"))
    accessibility_summary = models.TextField(_("toelichting toegankelijkheid"), blank=True)
    language = models.CharField(_("taal"), max_length=8, default="nl")
    licence = models.CharField(
        _("licentie"), max_length=32, choices=licence_choices, default=DEFAULT_LICENCE
    )
    time_required = models.PositiveIntegerField(
        _("benodigde tijd in minuten"), null=True, blank=True
    )
    keywords = ClusterTaggableManager(
        through="repository.MaterialKeyword", blank=True, verbose_name=_("trefwoorden")
    )
    change_note = models.TextField(
        _("wat is er veranderd"),
        blank=True,
        help_text=_("Voor een nieuwe versie: wat is er anders dan in de vorige?"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reden van intrekken"), blank=True)
    # Soft delete: the material sits in its owner's bin until restored or purged after retention.
    deleted_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True, db_index=True)
    review_status = models.CharField(
        _("beoordelingsstatus"),
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.NOT_REVIEWED,
        db_index=True,
    )

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="material",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="material",
        for_concrete_model=False,
    )

    objects = MaterialQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.RelatedFields("keywords", [index.SearchField("name", boost=2)]),
        index.SearchField("file_text"),
        index.FilterField("live"),
        index.FilterField("withdrawn_at"),
        index.FilterField("deleted_at"),
        index.FilterField("licence"),
        index.FilterField("language"),
        index.FilterField("owner"),
        index.FilterField("review_status"),
    ]

    class Meta:
        verbose_name = _("leermiddel")
        verbose_name_plural = _("leermiddelen")
        ordering = ["-updated_at"]
        indexes = [
            # Related and featured materials take the few most recently updated published ones.
            models.Index(
                fields=["-updated_at", "-id"],
                condition=models.Q(live=True, withdrawn_at__isnull=True),
                name="repository_material_recent_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("repository:material_detail", args=[self.pk])

    def get_preview_template(self, request, mode_name):
        return "repository/material_preview.html"

    def with_content_json(self, content):
        material = super().with_content_json(content)
        # The review status belongs to the material, not to a draft: a revision must not undo it.
        material.review_status = self.review_status
        return material

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def file_text(self) -> str:
        """Return the text extracted from the live row's files, for the search index."""
        if not self.live or self.pk is None:
            # Only the live row's files are published; drafts are never searched.
            return ""
        if (cached := getattr(self, "_file_text", None)) is not None:
            # The search backend asks once per index column; read the text once per indexing.
            return cached
        texts = FileDerivative.objects.filter(
            stored_file_id__in=MaterialFile.objects.filter(material_id=self.pk).values(
                "stored_file_id"
            ),
            stored_file__removed_at__isnull=True,
            status=FileDerivative.Status.READY,
        ).values_list("text", flat=True)
        self._file_text = "\n".join(text[:FILE_TEXT_LIMIT] for text in texts if text)
        return self._file_text


class MaterialKeyword(TaggedItemBase):
    content_object = ParentalKey(Material, on_delete=models.CASCADE, related_name="tagged_keywords")


class MaterialFile(Orderable):
    """A file in the material's working state (draft or live); published versions copy these."""

    material = ParentalKey(Material, on_delete=models.CASCADE, related_name="files")
    stored_file = models.ForeignKey(
        "repository.StoredFile", on_delete=models.PROTECT, related_name="+"
    )
    original_name = models.CharField(_("bestandsnaam"), max_length=255)
    role = models.CharField(
        _("rol"), max_length=16, choices=Material.Role.choices, default=Material.Role.MAIN
    )

    class Meta(Orderable.Meta):
        verbose_name = _("bestand van een leermiddel")
        verbose_name_plural = _("bestanden van een leermiddel")

    def __str__(self):
        return self.original_name
