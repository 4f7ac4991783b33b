"""The quality framework: versions of a set of criteria that reviews refer to."""

from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, PageManager, PagePermissionTester
from wagtail.query import PageQuerySet
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from cms.models.mixins import SitePage
from metadata.models import SECTORS

CRITERION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QualityFrameworkIndexPage(SitePage):
    """The framework section: what the framework is for, its current and earlier versions."""

    introduction = RichTextField(_("introductie"), features=CRITERION_FEATURES, blank=True)

    content_panels = [*SitePage.content_panels, FieldPanel("introduction")]
    search_fields = [*SitePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.QualityFrameworkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht van het kwaliteitskader")
        verbose_name_plural = _("overzichten van het kwaliteitskader")

    def get_summary(self) -> str:
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        versions = list(
            QualityFrameworkPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-first_published_at", "-pk")
        )
        context["versions"] = versions
        context["current_version"] = QualityFrameworkPage.objects.current(locale=self.locale)
        return context


class QualityFrameworkPageQuerySet(PageQuerySet):
    def current(self, locale: Locale | None = None):
        """Return the newest published version in the locale (default: the site's language)."""
        locale = locale or Locale.get_default()
        return (
            self.live()
            .filter(locale=locale, locked_as_reference=True)
            .order_by("-first_published_at", "-pk")
            .first()
        )


class ReferenceVersionPermissionTester(PagePermissionTester):
    """Nobody edits, unpublishes or deletes a framework version that reviews may cite."""

    def can_edit(self):
        return not self.page.is_in_use() and super().can_edit()

    def can_unpublish(self):
        return not self.page.is_in_use() and super().can_unpublish()

    def can_delete(self, ignore_bulk=False):
        return not self.page.is_in_use() and super().can_delete(ignore_bulk=ignore_bulk)


class QualityFrameworkPage(SitePage):
    """One version of the quality framework; immutable once published.

    To change the framework, copy the current version, edit the copy and publish it as the
    next version: reviews keep pointing at the criteria they were scored against.
    """

    version_label = models.CharField(
        _("versie"), max_length=20, help_text=_("Bijvoorbeeld 1.0 of 2026.")
    )
    introduction = RichTextField(_("introductie"), features=CRITERION_FEATURES)
    locked_as_reference = models.BooleanField(
        _("vastgelegd als referentie"),
        default=False,
        editable=False,
        help_text=_("Gezet bij de eerste publicatie; daarna verandert deze versie niet meer."),
    )

    objects = PageManager.from_queryset(QualityFrameworkPageQuerySet)()

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("version_label"),
        FieldPanel("introduction"),
        InlinePanel("criteria", label=_("Criteria"), min_num=1),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("introduction"),
        index.RelatedFields(
            "criteria",
            [
                index.SearchField("title", boost=2),
                index.SearchField("theme"),
                index.SearchField("explanation"),
                index.SearchField("indicators"),
            ],
        ),
    ]

    parent_page_types = ["cms.QualityFrameworkIndexPage"]
    subpage_types = []
    exclude_fields_in_copy = ["locked_as_reference"]

    class Meta:
        verbose_name = _("versie van het kwaliteitskader")
        verbose_name_plural = _("versies van het kwaliteitskader")

    def get_summary(self) -> str:
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = self.criteria_by_theme()
        context["current_version"] = type(self).objects.current(locale=self.locale)
        return context

    def is_in_use(self) -> bool:
        """Return True once the version has been published: from then on reviews may cite it."""
        return self.locked_as_reference

    def criteria_by_theme(self) -> list[tuple[str, list["QualityCriterion"]]]:
        """Return the criteria in order, grouped by theme in the order the themes first appear."""
        criteria = sorted(self.criteria.all().prefetch_related("sectors"), key=_position)
        first_seen: dict[str, int] = {}
        for position, criterion in enumerate(criteria):
            first_seen.setdefault(criterion.theme, position)
        criteria.sort(key=lambda criterion: first_seen[criterion.theme])
        return [(theme, list(group)) for theme, group in groupby(criteria, lambda c: c.theme)]

    def reference_content(self) -> dict:
        """Return the content that reviews rely on and that may not change once in use."""
        return {
            "title": self.title,
            "version_label": self.version_label,
            "introduction": self.introduction,
            "criteria": [
                criterion.reference_content()
                for criterion in sorted(self.criteria.all(), key=_position)
            ],
        }

    def clean(self):
        super().clean()
        codes = [criterion.code for criterion in self.criteria.all()]
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        if duplicates:
            raise ValidationError(
                _("Elke code mag één keer voorkomen; dubbel: %(codes)s.")
                % {"codes": ", ".join(duplicates)}
            )
        if self.pk is None:
            return
        stored = type(self).objects.filter(pk=self.pk, locked_as_reference=True).first()
        if stored is not None and stored.reference_content() != self.reference_content():
            raise ValidationError(
                _(
                    "Versie %(version)s van het kwaliteitskader is in gebruik en verandert niet "
                    "meer. Kopieer deze pagina en publiceer de kopie als nieuwe versie."
                )
                % {"version": stored.version_label}
            )

    def with_content_json(self, content):
        # The lock belongs to the page, not to a revision: an old draft must not undo it.
        page = super().with_content_json(content)
        page.locked_as_reference = self.locked_as_reference
        return page

    def publish(self, revision, *args, **kwargs):
        result = super().publish(revision, *args, **kwargs)
        # A scheduled publication leaves the page unpublished; the lock follows when it goes live.
        locked = (
            type(self)
            .objects.filter(pk=self.pk, live=True, locked_as_reference=False)
            .update(locked_as_reference=True)
        )
        if locked:
            self.locked_as_reference = True
        return result

    def permissions_for_user(self, user):
        return ReferenceVersionPermissionTester(user, self)


def _position(criterion) -> tuple:
    return (criterion.sort_order is None, criterion.sort_order or 0)


class QualityCriterion(ClusterableModel, Orderable):
    """One criterion ("kwaliteitskaart") of a framework version; reviews score against it."""

    page = ParentalKey(QualityFrameworkPage, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(
        _("code"),
        max_length=10,
        help_text=_("Vaste korte code, bijvoorbeeld K1. Houd codes gelijk tussen versies."),
    )
    theme = models.CharField(
        _("thema"),
        max_length=100,
        help_text=_(
            "Criteria met hetzelfde thema staan bij elkaar; schrijf het thema steeds gelijk."
        ),
    )
    title = models.CharField(_("titel"), max_length=200)
    explanation = RichTextField(_("toelichting"), features=CRITERION_FEATURES)
    indicators = RichTextField(_("indicatoren"), features=CRITERION_FEATURES)
    guiding_questions = RichTextField(_("richtvragen"), features=CRITERION_FEATURES)
    sectors = ParentalManyToManyField(
        "metadata.Concept",
        blank=True,
        related_name="+",
        limit_choices_to={"scheme__slug": SECTORS, "active": True},
        verbose_name=_("geldt voor"),
        help_text=_("Laat leeg als het criterium voor alle sectoren geldt."),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("theme"),
        FieldPanel("title"),
        FieldPanel("explanation"),
        FieldPanel("indicators"),
        FieldPanel("guiding_questions"),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return f"{self.code} {self.title}"

    def reference_content(self) -> tuple:
        return (
            self.code,
            self.theme,
            self.title,
            self.explanation,
            self.indicators,
            self.guiding_questions,
            sorted(sector.pk for sector in self.sectors.all()),
        )
