"""Controlled vocabularies as data: concept schemes and concepts with stable identifiers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Scheme slugs that code relies on; editors may add schemes, but never rename these.
LEVELS = "levels"
SUBJECTS = "subjects"
CURRICULUM_GOALS = "curriculum-goals"
RESOURCE_TYPES = "resource-types"
END_USER_ROLES = "end-user-roles"
SECTORS = "sectors"
THEMES = "themes"
ACCESSIBILITY_FEATURES = "accessibility-features"
ACCESSIBILITY_HAZARDS = "accessibility-hazards"
LANGUAGES = "languages"


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


# Fields the admin searches; labels are short, so plain lookups need no search index.
CONCEPT_LOOKUP_FIELDS = ("label_nl", "label_en", "notation", "identifier", "uri")


class ConceptQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def in_scheme(self, slug: str):
        return self.filter(scheme__slug=slug)

    def matching(self, query: str):
        condition = models.Q()
        for name in CONCEPT_LOOKUP_FIELDS:
            condition |= models.Q(**{f"{name}__icontains": query})
        return self.filter(condition)


class Concept(models.Model):
    """One term of a vocabulary, identified by its scheme and a stable identifier."""

    scheme = models.ForeignKey(
        ConceptScheme, on_delete=models.PROTECT, related_name="concepts", verbose_name=_("lijst")
    )
    identifier = models.CharField(
        _("identificatie"),
        max_length=100,
        help_text=_("De vaste code uit de bron, bijvoorbeeld de OBK- of SLO-id."),
    )
    uri = models.CharField(_("URI"), max_length=300, unique=True)
    # Long enough for SLO's retired kerndoel numbers, which carry their label ("PO Kerndoel 40: …").
    notation = models.CharField(
        _("notatie"),
        max_length=200,
        blank=True,
        help_text=_(
            "De korte code zoals de bron die schrijft, bijvoorbeeld ‘havo 4’, ‘PO Kerndoel 10’ "
            "of de waarde die NL-LOM of schema.org verwacht."
        ),
    )
    label_nl = models.CharField(_("term (Nederlands)"), max_length=300)
    # SLO publishes Dutch only; an empty English term falls back to the Dutch one.
    label_en = models.CharField(_("term (Engels)"), max_length=300, blank=True)
    definition_nl = models.TextField(_("omschrijving (Nederlands)"), blank=True)
    definition_en = models.TextField(_("omschrijving (Engels)"), blank=True)
    source = models.CharField(
        _("bron"),
        max_length=50,
        blank=True,
        help_text=_(
            "Waar de identificatie vandaan komt, bijvoorbeeld obk, slo, nl-lom, schema.org, "
            "iso-639 of nlka."
        ),
    )
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
    levels = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="curriculum_goals_at_level",
        limit_choices_to={"scheme__slug": LEVELS},
        verbose_name=_("onderwijsniveaus"),
        help_text=_("Voor kerndoelen: de onderwijsniveaus waarvoor het kerndoel geldt."),
    )
    subjects = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="curriculum_goals_in_subject",
        limit_choices_to={"scheme__slug": SUBJECTS},
        verbose_name=_("vakken"),
        help_text=_("Voor kerndoelen: de vakken waartoe het kerndoel hoort."),
    )

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
        if get_language() == "en" and self.label_en:
            return self.label_en
        return self.label_nl

    def clean(self):
        errors = {}
        for name in ("parent", "replaced_by"):
            other = getattr(self, name)
            if other is None:
                continue
            if other.scheme_id != self.scheme_id:
                errors[name] = _("Kies een begrip uit dezelfde lijst.")
            elif self.pk is not None and other.pk == self.pk:
                errors[name] = _("Een begrip kan niet naar zichzelf verwijzen.")
        if errors:
            raise ValidationError(errors)

    def current(self) -> "Concept":
        """Return the concept that now stands for this one, following replaced_by."""
        concept, seen = self, {self.pk}
        while concept.replaced_by_id is not None and concept.replaced_by_id not in seen:
            seen.add(concept.replaced_by_id)
            concept = concept.replaced_by
        return concept


class OaiRecord(models.Model):
    """A material's metadata as rendered for OAI-PMH, reused while its datestamp holds.

    Rendering NL-LOM costs about a millisecond per record, which caps a harvest far below
    what Edurep asks of a repository of this size; a stored record costs a row read. Rows are
    rendered at publication and on a harvester's first request, and dropped when anything
    the record shows changes (see metadata.signal_handlers).
    """

    material = models.ForeignKey(
        "repository.Material", on_delete=models.CASCADE, related_name="oai_records"
    )
    metadata_prefix = models.CharField(_("metadataformaat"), max_length=16)
    datestamp = models.DateTimeField(_("datumstempel"))
    xml = models.TextField(_("metadata (XML)"))
    rendered_at = models.DateTimeField(_("opgebouwd op"), auto_now=True)

    class Meta:
        verbose_name = _("OAI-PMH-record")
        verbose_name_plural = _("OAI-PMH-records")
        constraints = [
            models.UniqueConstraint(
                fields=["material", "metadata_prefix"], name="metadata_oairecord_unique_format"
            )
        ]

    def __str__(self):
        return f"{self.metadata_prefix}:{self.material_id}"
