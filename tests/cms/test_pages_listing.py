"""The news and best-practice listings: filters in the URL, pagination, the sitemap."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
import wagtail_factories
from lxml import etree

from cms.models import NewsIndexPage
from tests.cms.factories import (
    BestPracticePageFactory,
    NewsPageFactory,
    StandardPageFactory,
    sector,
    small_site,
    theme,
)

pytestmark = pytest.mark.django_db

NEWS_INDEX_QUERY_BUDGET = 30
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site():
    return small_site()


def titles(response) -> list[str]:
    return [item.title for item in response.context["items"]]


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


def test_news_can_be_filtered_by_sector_and_theme_together(client, site):
    po, vo = sector("po"), sector("vo")
    inclusion, access = theme("inclusie"), theme("toegankelijkheid")
    NewsPageFactory(parent=site.news, title="po en inclusie", sectors=[po], themes=[inclusion])
    NewsPageFactory(parent=site.news, title="po en toegang", sectors=[po], themes=[access])
    NewsPageFactory(parent=site.news, title="vo en inclusie", sectors=[vo], themes=[inclusion])
    NewsPageFactory(
        parent=site.news, title="po, vo en inclusie", sectors=[po, vo], themes=[inclusion]
    )

    response = client.get("/nieuws/", {"sector": "po", "theme": "inclusie"})

    assert sorted(titles(response)) == ["po en inclusie", "po, vo en inclusie"]


def test_news_can_be_filtered_by_sector_alone(client, site):
    NewsPageFactory(parent=site.news, title="po", sectors=[sector("po")])
    NewsPageFactory(parent=site.news, title="vo", sectors=[sector("vo")])

    response = client.get("/nieuws/", {"sector": "vo"})

    assert titles(response) == ["vo"]


def test_an_unknown_filter_value_is_ignored(client, site):
    NewsPageFactory(parent=site.news, title="po", sectors=[sector("po")])

    response = client.get("/nieuws/", {"sector": "bestaat-niet"})

    assert response.status_code == 200
    assert titles(response) == ["po"]


def test_best_practices_can_be_filtered_by_sector_and_theme_together(client, site):
    po, pro = sector("po"), sector("pro")
    inclusion, access = theme("inclusie"), theme("toegankelijkheid")
    BestPracticePageFactory(parent=site.best_practices, title="A", sector=po, theme=inclusion)
    BestPracticePageFactory(parent=site.best_practices, title="B", sector=po, theme=access)
    BestPracticePageFactory(parent=site.best_practices, title="C", sector=pro, theme=inclusion)

    response = client.get("/praktijkvoorbeelden/", {"sector": "po", "theme": "inclusie"})

    assert titles(response) == ["A"]


def test_best_practices_can_be_filtered_by_theme_alone(client, site):
    access = theme("toegankelijkheid")
    BestPracticePageFactory(parent=site.best_practices, title="A", sector=sector("po"))
    BestPracticePageFactory(parent=site.best_practices, title="B", theme=access)

    response = client.get("/praktijkvoorbeelden/", {"theme": "toegankelijkheid"})

    assert titles(response) == ["B"]


def test_listings_show_only_live_public_pages(client, site):
    NewsPageFactory(parent=site.news, title="Gepubliceerd")
    NewsPageFactory(parent=site.news, title="Concept", live=False)
    make_private(NewsPageFactory(parent=site.news, title="Besloten"))

    response = client.get("/nieuws/")

    assert titles(response) == ["Gepubliceerd"]


def test_news_is_listed_newest_first(client, site):
    NewsPageFactory(parent=site.news, title="Oud", date="2026-01-01")
    NewsPageFactory(parent=site.news, title="Nieuw", date="2026-06-01")

    assert titles(client.get("/nieuws/")) == ["Nieuw", "Oud"]


def test_filter_fields_have_labels(client, site):
    html = client.get("/nieuws/").content.decode()

    assert '<label for="id_sector">Sector</label>' in html
    assert '<label for="id_theme">Thema</label>' in html


def test_pagination_is_a_labelled_navigation_marking_the_current_page(client, site):
    for _ in range(NewsIndexPage.items_per_page + 1):
        NewsPageFactory(parent=site.news)

    html = client.get("/nieuws/", {"page": 2}).content.decode()

    assert '<nav class="pagination" aria-label="Paginering">' in html
    assert 'href="?page=2" aria-current="page"' in html
    assert 'href="?page=1" rel="prev"' in html


def test_pagination_links_keep_the_filters(client, site):
    po = sector("po")
    for _ in range(NewsIndexPage.items_per_page + 1):
        NewsPageFactory(parent=site.news, sectors=[po])

    html = client.get("/nieuws/", {"sector": "po"}).content.decode()

    assert 'href="?sector=po&amp;page=2"' in html


def test_filtered_and_later_pages_have_their_own_title(client, site):
    sector("po")
    for _ in range(NewsIndexPage.items_per_page + 1):
        NewsPageFactory(parent=site.news)

    first = client.get("/nieuws/").context
    second = client.get("/nieuws/", {"page": 2}).content.decode()
    filtered = client.get("/nieuws/", {"sector": "po"}).content.decode()

    assert first["items"].number == 1
    assert "<title>Nieuws – pagina 2 · NLKA</title>" in second
    assert "<title>Nieuws: po · NLKA</title>" in filtered


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context.captured_queries)


def test_news_index_queries_do_not_grow_with_the_number_of_items(
    client, site, django_assert_max_num_queries
):
    url = "/nieuws/?sector=po&theme=inclusie"
    po, inclusion = sector("po"), theme("inclusie")

    def add_item():
        image = wagtail_factories.ImageFactory()
        NewsPageFactory(parent=site.news, image=image, sectors=[po], themes=[inclusion])

    add_item()
    # The first visit makes the image renditions, once; count the visits after it.
    client.get(url)
    with_one = count_queries(client, url)
    for _ in range(NewsIndexPage.items_per_page - 1):
        add_item()
    client.get(url)

    with django_assert_max_num_queries(NEWS_INDEX_QUERY_BUDGET):
        client.get(url)
    assert count_queries(client, url) == with_one


def test_sitemap_lists_only_live_public_pages(client, site):
    live = NewsPageFactory(parent=site.news, slug="live-bericht")
    NewsPageFactory(parent=site.news, slug="concept-bericht", live=False)
    make_private(StandardPageFactory(parent=site.home, slug="besloten"))

    tree = etree.fromstring(client.get("/sitemap.xml").content)

    locations = {element.text for element in tree.iter(f"{SITEMAP}loc")}
    assert f"http://localhost/nieuws/{live.slug}/" in locations
    assert "http://localhost/nieuws/" in locations
    assert not any("concept-bericht" in location for location in locations)
    assert not any("besloten" in location for location in locations)


NEWS_ITEM_QUERY_BUDGET = 25


def test_news_item_queries_do_not_grow_with_its_sectors_and_themes(
    client, site, django_assert_max_num_queries
):
    few = NewsPageFactory(parent=site.news, sectors=[sector("po")], themes=[theme("inclusie")])
    many = NewsPageFactory(
        parent=site.news,
        sectors=[sector(code) for code in ("po", "vo", "so", "pro")],
        themes=[theme(name) for name in ("inclusie", "digitaal", "eigenaarschap")],
    )
    client.get(few.url)
    client.get(many.url)

    with django_assert_max_num_queries(NEWS_ITEM_QUERY_BUDGET):
        client.get(many.url)
    assert count_queries(client, many.url) == count_queries(client, few.url)
