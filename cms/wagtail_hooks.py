"""Admin rules of the content site: news and best practices go live only after a review."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks

from cms.models.workflows import editorial_review_required

PUBLISH_ACTION = "action-publish"


@hooks.register("construct_page_action_menu")
def hide_publish_where_editorial_review_applies(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is not None and editorial_review_required(page, request.user):
        menu_items[:] = [item for item in menu_items if item.name != PUBLISH_ACTION]


@hooks.register("before_publish_page")
def refuse_publishing_without_editorial_review(request, page):
    """Keep the new revision as a draft when the page may only go live through a review."""
    if not editorial_review_required(page, request.user):
        return None
    messages.warning(
        request,
        _(
            "'%(title)s' is bewaard als concept. Dien het in ter controle: een tweede "
            "redacteur publiceert het."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_without_editorial_review(request, action_type, objects, action):
    if action_type != "publish":
        return None
    blocked = [page for page in objects if editorial_review_required(page, request.user)]
    if not blocked:
        return None
    messages.error(
        request,
        _("Nieuws en praktijkvoorbeelden gaan pas live na controle door een tweede redacteur."),
    )
    return redirect("wagtailadmin_explore", blocked[0].get_parent().pk)
