from cms.models.best_practices import BestPracticeIndexPage, BestPracticeMaterial, BestPracticePage
from cms.models.governance import GovernanceIndexPage, GroupMember, GroupPage
from cms.models.news import NewsIndexPage, NewsPage
from cms.models.pages import HomePage, StandardPage
from cms.models.quality_framework import (
    QualityCriterion,
    QualityFrameworkIndexPage,
    QualityFrameworkPage,
)
from cms.models.settings import SiteSettings
from cms.models.workflows import EditorialReviewTask

__all__ = [
    "BestPracticeIndexPage",
    "BestPracticeMaterial",
    "BestPracticePage",
    "EditorialReviewTask",
    "GovernanceIndexPage",
    "GroupMember",
    "GroupPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "QualityCriterion",
    "QualityFrameworkIndexPage",
    "QualityFrameworkPage",
    "SiteSettings",
    "StandardPage",
]
