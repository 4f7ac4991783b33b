"""Writes to the content site."""

from django.db import transaction

from wagtail.models import Locale, Page, Site

from cms.models import HomePage, StandardPage

DEMO_PAGES = {
    "nl": {
        "home": {
            "title": "Samen werken aan betere leermiddelen",
            "introduction": (
                "<p>De Nederlandse Leermiddelen Kwaliteitsalliantie brengt scholen, leraren, "
                "uitgevers, onderzoekers en het ministerie samen. Hier vind je nieuws, "
                "praktijkvoorbeelden, het gezamenlijke kwaliteitskader en open leermiddelen "
                "die leraren met elkaar delen.</p>"
            ),
        },
        "over": {
            "title": "Over de alliantie",
            "introduction": (
                "De alliantie geeft richting aan de kwaliteit, toegankelijkheid, betaalbaarheid "
                "en inclusiviteit van leermiddelen in po, vo, (v)so en praktijkonderwijs. "
                "Zij geeft geen keurmerk."
            ),
            "body": [
                ("heading", {"text": "Drie gelijkwaardige onderdelen", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Een stuurgroep, werkgroepen per sector of thema, en een klankbordgroep "
                    "van leraren, leerlingen, ouders en distributeurs.</p>",
                ),
            ],
        },
        "toegankelijkheid": {
            "title": "Toegankelijkheid",
            "introduction": (
                "Iedereen moet deze website kunnen gebruiken, ook met een beperking. "
                "We bouwen hem volgens de WCAG 2.2 op niveau AA (EN 301 549)."
            ),
            "body": [
                ("heading", {"text": "Wat we doen", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>Alle pagina's zijn met alleen een toetsenbord te bedienen, met "
                    "een zichtbare focus.</li><li>De pagina's gebruiken koppen, landmarks en "
                    "een link om direct naar de inhoud te gaan.</li><li>De website werkt op "
                    "schermen vanaf 320 pixels breed en bij 200% vergroting.</li></ul>",
                ),
                ("heading", {"text": "Iets werkt niet?", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Meld het ons via toegankelijkheid@nlka.example. We reageren binnen vijf "
                    "werkdagen.</p>",
                ),
            ],
        },
    },
    "en": {
        "home": {
            "title": "Working together on better learning materials",
            "introduction": (
                "<p>The Dutch Learning Materials Quality Alliance brings schools, teachers, "
                "publishers, researchers and the ministry together. Here you find news, best "
                "practices, the shared quality framework and open learning materials that "
                "teachers share with each other.</p>"
            ),
        },
        "over": {
            "title": "About the alliance",
            "introduction": (
                "The alliance gives direction to the quality, accessibility, affordability and "
                "inclusiveness of learning materials in Dutch primary, secondary, special and "
                "practical education. It awards no seal of approval."
            ),
            "body": [
                ("heading", {"text": "Three equal parts", "level": "h2"}),
                (
                    "paragraph",
                    "<p>A steering group, working groups per sector or theme, and a "
                    "sounding-board group of teachers, students, parents and distributors.</p>",
                ),
            ],
        },
        "toegankelijkheid": {
            "title": "Accessibility",
            "introduction": (
                "Everyone should be able to use this website, including people with a "
                "disability. We build it to WCAG 2.2 level AA (EN 301 549)."
            ),
            "body": [
                ("heading", {"text": "Something does not work?", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Tell us at toegankelijkheid@nlka.example. We answer within five working "
                    "days.</p>",
                ),
            ],
        },
    },
}


def _publish(page: Page) -> None:
    page.full_clean()
    page.save_revision().publish()


@transaction.atomic
def demo_site_ensure() -> HomePage:
    """Make a Dutch home page with demo pages the default site's root, with English copies."""
    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    english, _ = Locale.objects.get_or_create(language_code="en")
    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(locale=dutch).first()
    if home is None:
        placeholder = site.root_page if site else None
        if placeholder is not None and placeholder.specific_class is Page:
            # Wagtail's "Welcome" placeholder page holds the slug we want.
            site.root_page = root
            site.save()
            placeholder.delete()
        home = HomePage(slug="home", locale=dutch, **DEMO_PAGES["nl"]["home"])
        root.add_child(instance=home)
        _publish(home)
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="NLKA"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()

    for slug in ("over", "toegankelijkheid"):
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = StandardPage(slug=slug, show_in_menus=True, **DEMO_PAGES["nl"][slug])
            home.add_child(instance=page)
            _publish(page)

    _translation_ensure(home, english, DEMO_PAGES["en"]["home"])
    for page in home.get_children().specific():
        if page.slug in DEMO_PAGES["en"]:
            _translation_ensure(page, english, DEMO_PAGES["en"][page.slug])
    return home


def _translation_ensure(page: Page, locale: Locale, content: dict) -> Page:
    """Give a page a published translation in the locale, with the given content."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    if not translation.live:
        for field, value in content.items():
            setattr(translation, field, value)
        _publish(translation)
    return translation
