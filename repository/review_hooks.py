"""The reviewer workspace in the Wagtail admin: its URLs, menu item and home-page panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from repository.selectors.review import is_reviewer, review_queue, sees_all_reviews
from repository.views import review

urlpatterns = [
    path("", review.review_queue_view, name="queue"),
    path("geschiedenis/", review.review_history_view, name="history"),
    path("<int:pk>/", review.review_material, name="review"),
    path("<int:pk>/oppakken/", review.review_claim_view, name="claim"),
    path("<int:pk>/belangenconflict/", review.review_conflict_view, name="conflict"),
]


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("beoordelingen/", include((urlpatterns, "repository_review")))]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return is_reviewer(request.user) or sees_all_reviews(request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        _("Beoordelingen"), reverse("repository_review:queue"), icon_name="tasks", order=260
    )


class AwaitingReviewPanel(Component):
    """The admin home panel "Wacht op uw beoordeling": the user's open assignments."""

    name = "awaiting_review"
    order = 90
    template_name = "repository/review/panel.html"

    def __init__(self, entries):
        self.entries = entries

    def get_context_data(self, parent_context):
        return {"entries": self.entries}


@hooks.register("construct_homepage_panels")
def add_awaiting_review_panel(request, panels):
    if is_reviewer(request.user):
        panels.append(AwaitingReviewPanel(review_queue(request.user, tab="mine")))
