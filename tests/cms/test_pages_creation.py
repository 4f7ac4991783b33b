"""Where each page type may be created: its allowed and refused parents."""

from django.urls import reverse

from wagtail.models import Page

import pytest

from cms.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    GovernanceIndexPage,
    GroupPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    QualityFrameworkIndexPage,
    QualityFrameworkPage,
    StandardPage,
)
from tests.accounts.factories import EditorFactory
from tests.cms.factories import NewsPageFactory, QualityFrameworkPageFactory, small_site

pytestmark = pytest.mark.django_db

ALLOWED_PARENTS = {
    HomePage: {Page},
    StandardPage: {HomePage, StandardPage, GovernanceIndexPage},
    NewsIndexPage: {HomePage},
    NewsPage: {NewsIndexPage},
    BestPracticeIndexPage: {HomePage},
    BestPracticePage: {BestPracticeIndexPage},
    QualityFrameworkIndexPage: {HomePage},
    QualityFrameworkPage: {QualityFrameworkIndexPage},
    GovernanceIndexPage: {HomePage},
    GroupPage: {GovernanceIndexPage},
}


@pytest.fixture
def site():
    return small_site()


@pytest.mark.parametrize(
    ("page_class", "parents"),
    ALLOWED_PARENTS.items(),
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_each_page_type_declares_exactly_its_allowed_parents(page_class, parents):
    assert set(page_class.allowed_parent_page_models()) == parents


def test_home_page_is_created_at_the_root_and_nowhere_else(site):
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(site.home)
    assert not HomePage.can_create_at(site.news)


def test_sections_are_created_on_the_home_page_only(site):
    for section_class in (
        NewsIndexPage,
        BestPracticeIndexPage,
        QualityFrameworkIndexPage,
        GovernanceIndexPage,
    ):
        assert section_class.can_exist_under(site.home), section_class
        assert not section_class.can_exist_under(site.news), section_class
        assert not section_class.can_exist_under(Page.get_first_root_node()), section_class


def test_a_home_page_holds_one_section_of_each_kind(site):
    assert not NewsIndexPage.can_create_at(site.home)
    assert not BestPracticeIndexPage.can_create_at(site.home)
    assert not QualityFrameworkIndexPage.can_create_at(site.home)
    assert not GovernanceIndexPage.can_create_at(site.home)


def test_news_items_are_created_in_the_news_section_only(site):
    assert NewsPage.can_create_at(site.news)
    assert not NewsPage.can_create_at(site.home)
    assert not NewsPage.can_create_at(site.best_practices)


def test_best_practices_are_created_in_the_best_practice_section_only(site):
    assert BestPracticePage.can_create_at(site.best_practices)
    assert not BestPracticePage.can_create_at(site.news)
    assert not BestPracticePage.can_create_at(site.home)


def test_framework_versions_are_created_in_the_framework_section_only(site):
    assert QualityFrameworkPage.can_create_at(site.framework)
    assert not QualityFrameworkPage.can_create_at(site.home)
    assert not QualityFrameworkPage.can_create_at(site.governance)


def test_groups_are_created_in_the_governance_section_only(site):
    assert GroupPage.can_create_at(site.governance)
    assert not GroupPage.can_create_at(site.home)
    assert not GroupPage.can_create_at(site.news)


def test_standard_pages_are_created_on_the_home_page_under_other_standard_pages_or_governance(
    site,
):
    assert StandardPage.can_create_at(site.home)
    assert StandardPage.can_create_at(site.governance)
    assert not StandardPage.can_create_at(site.news)
    assert not StandardPage.can_create_at(site.framework)


def test_news_items_and_framework_versions_have_no_subpages(site):
    news_item = NewsPageFactory(parent=site.news)
    version = QualityFrameworkPageFactory(parent=site.framework)

    assert news_item.specific_class.allowed_subpage_models() == []
    assert version.specific_class.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(news_item)


@pytest.mark.parametrize(
    ("page_class", "parent_name"),
    [
        (StandardPage, "home"),
        (NewsPage, "news"),
        (BestPracticePage, "best_practices"),
        (QualityFrameworkPage, "framework"),
        (GroupPage, "governance"),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_editors_get_a_working_admin_form_for_each_page_type(client, site, page_class, parent_name):
    client.force_login(EditorFactory())
    parent = getattr(site, parent_name)
    meta = page_class._meta

    response = client.get(
        reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk))
    )

    assert response.status_code == 200
