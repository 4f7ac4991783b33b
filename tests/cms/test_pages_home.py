"""The home page: latest news, featured best practices and materials, live numbers."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import wagtail_factories

from cms import selectors
from metadata.models import Concept
from repository.services.materials import (
    material_publish,
    material_save_draft,
    material_withdraw,
)
from tests.accounts.factories import TeacherFactory
from tests.cms.factories import BestPracticePageFactory, NewsPageFactory, sector, small_site
from tests.repository.factories import complete_metadata, draft_material

pytestmark = pytest.mark.django_db

HOME_QUERY_BUDGET = 30


@pytest.fixture
def site():
    return small_site()


@pytest.fixture
def teacher():
    return TeacherFactory()


def published_at(owner, *level_notations, title="Les"):
    material = draft_material(owner, title=title)
    data = complete_metadata()
    data["levels"] = Concept.objects.filter(scheme__slug="levels", notation__in=level_notations)
    material_save_draft(material=material, user=owner, data=data)
    material_publish(material=material, user=owner)
    return material


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context.captured_queries)


def test_material_numbers_count_published_materials_per_sector(site, teacher):
    published_at(teacher, "groep 6", title="po")
    published_at(teacher, "havo 4", title="vo")
    published_at(teacher, "vso", title="vso")
    published_at(teacher, "groep 4", "sbao", title="po en sbao")
    draft_material(teacher, title="concept")
    material_withdraw(material=published_at(teacher, "pro", title="weg"), user=teacher)

    numbers = selectors.material_numbers()

    per_sector = {entry.sector.identifier: entry.count for entry in numbers.per_sector}
    assert numbers.total == 4
    assert per_sector == {"po": 2, "vo": 1, "so-vso": 1, "pro": 0}


def test_material_numbers_take_three_queries(site, teacher, django_assert_num_queries):
    published_at(teacher, "groep 6")

    with django_assert_num_queries(3):
        selectors.material_numbers()


def test_home_page_shows_the_material_numbers(client, site, teacher):
    published_at(teacher, "groep 6", title="po")
    published_at(teacher, "havo 4", title="vo")

    html = client.get("/").content.decode()

    assert "Open leermiddelen in cijfers" in html
    assert "<dt>Gepubliceerde leermiddelen</dt>\n                    <dd>2</dd>" in html
    assert "<dt>Primair onderwijs</dt>\n                        <dd>1</dd>" in html


def test_home_page_shows_the_latest_three_news_items(client, site):
    for day in range(1, 5):
        NewsPageFactory(parent=site.news, title=f"Bericht {day}", date=f"2026-03-0{day}")

    latest = client.get("/").context["latest_news"]

    assert [item.title for item in latest] == ["Bericht 4", "Bericht 3", "Bericht 2"]


def test_home_page_features_only_best_practices_editors_chose(client, site):
    BestPracticePageFactory(parent=site.best_practices, title="Uitgelicht", featured=True)
    BestPracticePageFactory(parent=site.best_practices, title="Gewoon")

    featured = client.get("/").context["featured_best_practices"]

    assert [item.title for item in featured] == ["Uitgelicht"]


def test_home_page_shows_published_materials_only(client, site, teacher):
    published_at(teacher, "groep 6", title="Breuken")
    draft_material(teacher, title="Nog in concept")

    html = client.get("/").content.decode()

    assert "Breuken" in html
    assert "Nog in concept" not in html


def test_home_page_queries_do_not_grow_with_the_number_of_items(
    client, site, teacher, django_assert_max_num_queries
):
    def add_items():
        image = wagtail_factories.ImageFactory()
        NewsPageFactory(parent=site.news, image=image, sectors=[sector("po")])
        BestPracticePageFactory(parent=site.best_practices, image=image, featured=True)
        published_at(teacher, "groep 6")

    add_items()
    # The first visit makes the image renditions, once; count the visits after it.
    client.get("/")
    with_one = count_queries(client, "/")
    for _ in range(4):
        add_items()
    client.get("/")

    with django_assert_max_num_queries(HOME_QUERY_BUDGET):
        client.get("/")
    assert count_queries(client, "/") == with_one
