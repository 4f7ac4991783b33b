"""Factories for content pages, and a small site to hang them on."""

import datetime
from dataclasses import dataclass

from wagtail.models import Locale, Page, Site

import factory
import wagtail_factories

from cms.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    GovernanceIndexPage,
    GroupPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    QualityCriterion,
    QualityFrameworkIndexPage,
    QualityFrameworkPage,
    StandardPage,
)
from metadata.models import SECTORS, THEMES, Concept, ConceptScheme


def concept(scheme: str, identifier: str, label: str | None = None) -> Concept:
    """Return the concept with this identifier, creating its scheme and itself when missing."""
    concept_scheme, _ = ConceptScheme.objects.get_or_create(
        slug=scheme,
        defaults={"uri": f"urn:test:{scheme}", "label_nl": scheme, "label_en": scheme},
    )
    found, _ = Concept.objects.get_or_create(
        scheme=concept_scheme,
        identifier=identifier,
        defaults={
            "uri": f"urn:test:{scheme}:{identifier}",
            "notation": identifier,
            "label_nl": label or identifier,
            "label_en": label or identifier,
        },
    )
    return found


def sector(identifier: str) -> Concept:
    return concept(SECTORS, identifier)


def theme(identifier: str) -> Concept:
    return concept(THEMES, identifier)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startpagina"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    introduction = "Een gewone pagina."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nieuws"
    slug = "nieuws"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    summary = "Kort nieuws van de alliantie."

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(page, create, extracted, **kwargs):
        if create and extracted:
            page.sectors.set(extracted)
            page.save()

    @factory.post_generation
    def themes(page, create, extracted, **kwargs):
        if create and extracted:
            page.themes.set(extracted)
            page.save()


class BestPracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Praktijkvoorbeelden"
    slug = "praktijkvoorbeelden"

    class Meta:
        model = BestPracticeIndexPage


class BestPracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n}")
    organisation = "Basisschool De Linde"
    summary = "Hoe een school het aanpakte."
    problem = "<p>Het vraagstuk.</p>"
    approach = "<p>De aanpak.</p>"
    results = "<p>De resultaten.</p>"
    sector = factory.LazyFunction(lambda: sector("po"))
    theme = factory.LazyFunction(lambda: theme("inclusie"))

    class Meta:
        model = BestPracticePage


class QualityFrameworkIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kwaliteitskader"
    slug = "kwaliteitskader"

    class Meta:
        model = QualityFrameworkIndexPage


def criteria(count: int = 3, theme_name: str = "Inhoud") -> list[QualityCriterion]:
    return [
        QualityCriterion(
            sort_order=index,
            code=f"K{index + 1}",
            theme=theme_name,
            title=f"Criterium {index + 1}",
            explanation="<p>Toelichting.</p>",
            indicators="<ul><li>Indicator</li></ul>",
            guiding_questions="<ul><li>Richtvraag?</li></ul>",
        )
        for index in range(count)
    ]


class QualityFrameworkPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kwaliteitskader versie {n}")
    version_label = factory.Sequence(lambda n: f"{n}.0")
    introduction = "<p>Een versie van het kader.</p>"
    criteria = factory.LazyFunction(criteria)

    class Meta:
        model = QualityFrameworkPage


class GovernanceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Organisatie"
    slug = "organisatie"

    class Meta:
        model = GovernanceIndexPage


class GroupPageFactory(wagtail_factories.PageFactory):
    title = "Stuurgroep"
    kind = GroupPage.Kind.STEERING
    introduction = "De stuurgroep stelt de koers vast."
    mandate = "<p>Besluit over het jaarplan.</p>"

    class Meta:
        model = GroupPage


@dataclass
class SmallSite:
    home: HomePage
    news: NewsIndexPage
    best_practices: BestPracticeIndexPage
    framework: QualityFrameworkIndexPage
    governance: GovernanceIndexPage


def small_site() -> SmallSite:
    """Make a Dutch home page the default site's root, with one section of each kind."""
    Locale.objects.get_or_create(language_code="nl")
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "NLKA"},
    )
    return SmallSite(
        home=home,
        news=NewsIndexPageFactory(parent=home),
        best_practices=BestPracticeIndexPageFactory(parent=home),
        framework=QualityFrameworkIndexPageFactory(parent=home),
        governance=GovernanceIndexPageFactory(parent=home),
    )
