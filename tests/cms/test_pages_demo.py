"""The demo site: every page type renders accessibly, and the content is what the brief asks."""

from collections import Counter

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest
from lxml import html as lxml_html

from cms.models import BestPracticePage, GroupPage, NewsPage, QualityFrameworkPage
from cms.services import demo_material_links_ensure, demo_site_ensure
from tests.accounts.factories import TeacherFactory
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db


def parse(response):
    return lxml_html.fromstring(response.content)


def meta(document, name: str) -> str | None:
    found = document.xpath(f'//meta[@name="{name}" or @property="{name}"]/@content')
    return found[0] if found else None


def test_every_page_type_renders_with_demo_content(client, home_page):
    pages = Page.objects.live().public().exclude(depth=1).specific()
    rendered_types = set()
    titles = Counter()

    for page in pages:
        response = client.get(page.get_url())
        document = parse(response)
        where = f"{type(page).__name__} {page.url}"

        assert response.status_code == 200, where
        assert len(document.xpath("//h1")) == 1, where
        assert meta(document, "description"), where
        assert meta(document, "og:title") and meta(document, "og:url"), where
        assert len(document.xpath("//main")) == 1, where
        assert document.xpath("//header") and document.xpath("//footer"), where
        assert all(image.get("alt") is not None for image in document.xpath("//img")), where
        titles[document.findtext(".//title")] += 1
        rendered_types.add(type(page).__name__)

    assert rendered_types >= {
        "HomePage",
        "StandardPage",
        "NewsIndexPage",
        "NewsPage",
        "BestPracticeIndexPage",
        "BestPracticePage",
        "QualityFrameworkIndexPage",
        "QualityFrameworkPage",
        "GovernanceIndexPage",
        "GroupPage",
    }
    assert [title for title, count in titles.items() if count > 1] == []


def test_demo_content_has_the_news_best_practices_framework_and_groups(home_page):
    news = NewsPage.objects.live()
    best_practices = BestPracticePage.objects.live()
    framework = QualityFrameworkPage.objects.current()
    criteria = list(framework.criteria.all())

    assert news.count() >= 6
    assert best_practices.count() >= 6
    assert {page.sector.identifier for page in best_practices} >= {"po", "vo", "so-vso", "pro"}
    assert len(criteria) >= 12
    assert len({criterion.theme for criterion in criteria}) >= 4
    assert {group.kind for group in GroupPage.objects.live()} == set(GroupPage.Kind.values)


def test_demo_home_about_and_framework_pages_have_english_versions(home_page):
    english_titles = {
        page.url_path: page.title for page in Page.objects.live().filter(locale__language_code="en")
    }

    assert "/home-en/" in english_titles
    assert english_titles["/home-en/over/"] == "About the alliance"
    framework = QualityFrameworkPage.objects.get(locale__language_code="en")
    assert framework.live and framework.is_in_use()
    assert framework.criteria.get(code="K1").title == "The content is correct and up to date"


def test_running_the_demo_twice_changes_nothing(home_page):
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
    )

    again = demo_site_ensure()

    assert again == home_page
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
    ) == counts


def test_demo_best_practices_link_the_demo_materials_once(home_page):
    published_material(TeacherFactory(), title="Breuken vergelijken")

    made = demo_material_links_ensure()
    again = demo_material_links_ensure()

    page = BestPracticePage.objects.get(slug="rekenlessen-samenstellen-met-open-materiaal")
    assert (made, again) == (1, 0)
    assert [link.material.title for link in page.material_links.all()] == ["Breuken vergelijken"]
