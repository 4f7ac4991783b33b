"""RSS 2.0 and Atom feeds of the news: valid, newest first, live public items only."""

from email.utils import parsedate_to_datetime

from wagtail.models import PageViewRestriction

import pytest
from lxml import etree

from tests.cms.factories import NewsPageFactory, sector, small_site, theme

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site():
    return small_site()


def rss_titles(response) -> list[str]:
    return [item.findtext("title") for item in etree.fromstring(response.content).iter("item")]


def test_rss_feed_is_valid_rss_2(client, site):
    NewsPageFactory(parent=site.news, title="Kader gepubliceerd", summary="Eerste versie.")

    response = client.get("/nieuws/rss/")

    assert response["Content-Type"].startswith("application/rss+xml")
    rss = etree.fromstring(response.content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    item = channel.find("item")
    assert item.findtext("title") == "Kader gepubliceerd"
    assert item.findtext("description") == "Eerste versie."
    assert item.findtext("link").startswith("http://testserver/nieuws/")
    assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
    assert item.findtext("guid")


def test_atom_feed_is_valid_atom(client, site):
    NewsPageFactory(parent=site.news, title="Kader gepubliceerd", summary="Eerste versie.")

    response = client.get("/nieuws/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}"), required
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entry = feed.find(f"{ATOM}entry")
    for required in ("id", "title", "updated"):
        assert entry.findtext(f"{ATOM}{required}"), required
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/nieuws/")
    assert entry.findtext(f"{ATOM}summary") == "Eerste versie."


def test_feeds_list_only_live_public_news(client, site):
    NewsPageFactory(parent=site.news, title="Gepubliceerd")
    NewsPageFactory(parent=site.news, title="Concept", live=False)
    private = NewsPageFactory(parent=site.news, title="Besloten")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    rss = rss_titles(client.get("/nieuws/rss/"))
    atom = [
        entry.findtext(f"{ATOM}title")
        for entry in etree.fromstring(client.get("/nieuws/atom/").content).iter(f"{ATOM}entry")
    ]

    assert rss == ["Gepubliceerd"]
    assert atom == ["Gepubliceerd"]


def test_feed_items_are_newest_first(client, site):
    NewsPageFactory(parent=site.news, title="Oud", date="2026-01-01")
    NewsPageFactory(parent=site.news, title="Nieuw", date="2026-06-01")

    assert rss_titles(client.get("/nieuws/rss/")) == ["Nieuw", "Oud"]


def test_feed_can_be_narrowed_by_sector_and_theme(client, site):
    po, inclusion = sector("po"), theme("inclusie")
    NewsPageFactory(parent=site.news, title="Beide", sectors=[po], themes=[inclusion])
    NewsPageFactory(parent=site.news, title="Alleen po", sectors=[po])

    response = client.get("/nieuws/rss/", {"sector": "po", "theme": "inclusie"})

    assert rss_titles(response) == ["Beide"]


def test_news_index_links_to_its_feeds(client, site):
    html = client.get("/nieuws/").content.decode()

    assert 'type="application/rss+xml"' in html and 'href="/nieuws/rss/"' in html
    assert 'type="application/atom+xml"' in html and 'href="/nieuws/atom/"' in html
