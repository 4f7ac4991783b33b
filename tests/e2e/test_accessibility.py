"""Every public page and the key signed-in pages, checked with axe-core and at narrow widths."""

from xml.etree import ElementTree

from django.utils import translation

from wagtail.models import Locale

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from cms.models import NewsPage
from tests.repository.factories import collection_of
from tests.repository.review_factories import submitted_material

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SITEMAP_NAMESPACE = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
axe = Axe()


def sitemap_paths(page) -> list[str]:
    """Return the paths the live server's sitemap lists, each once."""
    answer = page.request.get("/sitemap.xml")
    assert answer.ok, f"/sitemap.xml answered {answer.status}"
    root = ElementTree.fromstring(answer.body())  # noqa: S314 (our own live server wrote it)
    urls = [loc.text.strip() for loc in root.findall("sm:url/sm:loc", SITEMAP_NAMESPACE)]
    # The sitemap names the site's configured host; the live server serves the same paths.
    return list(dict.fromkeys("/" + url.split("://", 1)[1].split("/", 1)[1] for url in urls))


def axe_violations(page, path: str) -> list[str]:
    """Open the page and describe each WCAG A/AA violation axe finds: rule, impact, targets."""
    answer = page.goto(path)
    assert answer.ok, f"{path} answered {answer.status}"
    options = {"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}}
    violations = axe.run(page, options=options).response["violations"]
    return [
        f"{path}: {rule['id']} ({rule['impact']}) at "
        + ", ".join(" ".join(node["target"]) for node in rule["nodes"])
        for rule in violations
    ]


def horizontal_overflow(page, paths: list[str]) -> list[str]:
    """Return the paths whose page is wider than the window, with both widths."""
    overflowing = []
    for path in paths:
        page.goto(path)
        scroll_width, window_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > window_width:
            overflowing.append(f"{path}: {scroll_width}px wide in a {window_width}px window")
    return overflowing


def main_paths(site) -> list[str]:
    return [
        "/",
        "/leermiddelen/",
        site.material.get_absolute_url(),
        site.collection.get_absolute_url(),
    ]


def test_the_sitemap_lists_the_materials_and_collections_it_checks(page, site):
    paths = sitemap_paths(page)

    assert site.material.get_absolute_url() in paths
    assert site.collection.get_absolute_url() in paths


def test_every_page_in_the_sitemap_passes_axe_wcag_a_and_aa(page, site):
    violations = [found for path in sitemap_paths(page) for found in axe_violations(page, path)]

    assert not violations, "\n".join(violations)


def test_the_teachers_own_pages_pass_axe_wcag_a_and_aa(page, site, sign_in):
    own_collection = collection_of(site.teacher, [site.remix], title="Mijn breuken")
    sign_in(site.teacher)
    paths = [
        "/leermiddelen/nieuw/",
        "/leermiddelen/mijn/",
        f"/leermiddelen/{site.remix.pk}/bewerken/",
        f"/leermiddelen/arrangementen/{own_collection.pk}/bewerken/",
    ]

    violations = [found for path in paths for found in axe_violations(page, path)]

    assert not violations, "\n".join(violations)


def test_the_review_form_with_its_rubric_passes_axe_wcag_a_and_aa(page, site, sign_in):
    material = submitted_material(site.teacher, title="Breuken op de getallenlijn")
    sign_in(site.reviewer)

    violations = axe_violations(page, f"/admin/beoordelingen/{material.pk}/")

    assert not violations, "\n".join(violations)


def english_news_item() -> NewsPage:
    """Translate a Dutch news item into English, as an editor does in the admin."""
    dutch = NewsPage.objects.live().filter(locale__language_code="nl").first()
    english = dutch.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Working group on accessibility looks for teachers"
    english.save_revision().publish()
    return NewsPage.objects.get(pk=english.pk)


def test_the_english_main_pages_pass_axe_wcag_a_and_aa(page, site):
    news_item = english_news_item()
    with translation.override("en"):
        paths = [
            "/en/",
            "/en/leermiddelen/",
            "/en/leermiddelen/?q=breuken",
            site.material.get_absolute_url(),
            news_item.get_url(),
        ]
    assert all(path.startswith("/en/") for path in paths), paths

    violations = [found for path in paths for found in axe_violations(page, path)]

    assert not violations, "\n".join(violations)


def test_the_main_pages_need_no_sideways_scrolling_at_320_pixels(page, site):
    page.set_viewport_size({"width": 320, "height": 640})

    assert horizontal_overflow(page, main_paths(site)) == []


def test_the_main_pages_need_no_sideways_scrolling_at_200_percent_zoom(zoomed_page, site):
    assert horizontal_overflow(zoomed_page, main_paths(site)) == []


def test_the_accessibility_statement_says_what_is_tested_and_what_falls_short(page, home_page):
    page.goto("/toegankelijkheid/")

    expect(page.get_by_role("heading", name="Hoe we dit testen")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("axe-core")
    expect(page.get_by_role("heading", name="Wat nog niet goed is")).to_be_visible()
