"""What public pages tell browsers and link previews: titles, meta, Open Graph, breadcrumbs."""

from wagtail.models import Site

import pytest
import wagtail_factories
from lxml import html as lxml_html

from cms.models import SiteSettings
from tests.cms.factories import (
    NewsPageFactory,
    QualityFrameworkPageFactory,
    StandardPageFactory,
    criteria,
    small_site,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return small_site()


def parse(response):
    return lxml_html.fromstring(response.content)


def meta(document, name: str) -> str | None:
    found = document.xpath(f'//meta[@name="{name}" or @property="{name}"]/@content')
    return found[0] if found else None


def test_a_news_page_describes_itself_as_an_article_with_an_image(client, site):
    image = wagtail_factories.ImageFactory(description="Getekende stapel boeken")
    item = NewsPageFactory(parent=site.news, image=image, summary="Kort en bondig.")

    document = parse(client.get(item.url))

    assert meta(document, "og:type") == "article"
    assert meta(document, "og:title") == item.title
    assert meta(document, "description") == "Kort en bondig."
    assert meta(document, "og:description") == "Kort en bondig."
    assert meta(document, "og:url") == f"http://testserver{item.url}"
    assert meta(document, "og:image").startswith("http://testserver/")
    assert meta(document, "og:image:alt") == "Getekende stapel boeken"


def test_the_editors_search_description_wins_over_the_summary(client, site):
    item = NewsPageFactory(parent=site.news, search_description="Voor zoekmachines.")

    document = parse(client.get(item.url))

    assert meta(document, "description") == "Voor zoekmachines."


def test_a_page_without_an_image_has_no_share_image(client, site):
    page = StandardPageFactory(parent=site.home)

    document = parse(client.get(page.url))

    assert meta(document, "og:type") == "website"
    assert meta(document, "og:image") is None


def test_the_page_title_uses_the_seo_title_when_given(client, site):
    page = StandardPageFactory(parent=site.home, title="Over", seo_title="Over de alliantie")

    document = parse(client.get(page.url))

    assert document.findtext(".//title") == "Over de alliantie · NLKA"
    assert document.xpath("//h1/text()") == ["Over"]


def test_breadcrumbs_lead_from_the_home_page_to_the_current_page(client, site):
    item = NewsPageFactory(parent=site.news, title="Kader gepubliceerd")

    document = parse(client.get(item.url))

    crumbs = document.xpath('//nav[@aria-label="Kruimelpad"]//a')
    assert [crumb.text for crumb in crumbs] == ["Home", "Nieuws", "Kader gepubliceerd"]
    assert crumbs[-1].get("aria-current") == "page"


def test_the_home_page_has_no_breadcrumbs(client, site):
    document = parse(client.get("/"))

    assert document.xpath('//nav[@aria-label="Kruimelpad"]') == []


def test_the_menu_marks_the_section_of_the_current_page(client, site):
    site.news.show_in_menus = True
    site.news.save()
    item = NewsPageFactory(parent=site.news)

    document = parse(client.get(item.url))

    assert document.xpath('//nav[@aria-label="Hoofdmenu"]//a[@aria-current="true"]/text()') == [
        "Nieuws"
    ]


def test_the_footer_shows_the_site_settings(client, site):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "Een samenwerking van scholen en uitgevers."
    settings.contact_email = "info@nlka.example"
    settings.social_links = [
        {"type": "link", "value": {"name": "Mastodon", "url": "https://m.example/@nlka"}}
    ]
    settings.save()

    footer = parse(client.get("/")).xpath("//footer")[0]

    assert footer.xpath('.//a[@href="mailto:info@nlka.example"]')
    assert footer.xpath('.//a[@href="https://m.example/@nlka"][text()="Mastodon"]')
    assert "Een samenwerking van scholen en uitgevers." in footer.text_content()


def test_the_framework_page_shows_every_criterion_under_its_theme(client, site):
    version = QualityFrameworkPageFactory(
        parent=site.framework,
        criteria=[*criteria(2, "Inhoud"), *criteria(3, "Didactiek")[2:]],
    )
    version.save_revision().publish()

    document = parse(client.get(version.url))

    themes = document.xpath('//section[contains(@class, "framework__theme")]/h2/text()')
    codes = document.xpath('//article[@class="criterion"]/@id')
    assert themes == ["Inhoud", "Didactiek"]
    assert codes == ["k1", "k2", "k3"]
    assert "alle sectoren" in document.text_content()
