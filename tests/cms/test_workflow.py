"""Editorial review: news and best practices go live only after a second editor approves."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from cms.models import EditorialReviewTask, NewsPage
from cms.services import editorial_workflow_ensure
from tests.accounts.factories import EditorFactory
from tests.cms.factories import BestPracticePageFactory, NewsPageFactory, small_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    site = small_site()
    editorial_workflow_ensure()
    return site


@pytest.fixture
def author():
    return EditorFactory()


@pytest.fixture
def second_editor():
    return EditorFactory()


def submitted_news_item(site, author) -> NewsPage:
    item = NewsPageFactory(parent=site.news, live=False, owner=author)
    item.save_revision(user=author)
    item.get_workflow().start(item, author)
    return NewsPage.objects.get(pk=item.pk)


def approve_url(item, task_state) -> str:
    return reverse("wagtailadmin_pages:workflow_action", args=(item.pk, "approve", task_state.pk))


def test_news_and_best_practice_sections_run_the_editorial_workflow(site):
    best_practice = BestPracticePageFactory(parent=site.best_practices, live=False)

    assert site.news.get_workflow().name == "Redactie"
    assert best_practice.get_workflow().name == "Redactie"
    assert site.framework.get_workflow().name != "Redactie"


def test_ensuring_the_workflow_twice_changes_nothing(site):
    editorial_workflow_ensure()

    assert EditorialReviewTask.objects.count() == 1
    assert site.news.get_workflow().workflow_tasks.count() == 1


def test_a_submitted_news_item_is_not_live_until_a_second_editor_approves(
    client, site, author, second_editor
):
    item = submitted_news_item(site, author)
    task_state = item.current_workflow_task_state
    assert not item.live

    client.force_login(second_editor)
    client.post(approve_url(item, task_state), {"comment": ""})

    item.refresh_from_db()
    assert item.live
    assert item.current_workflow_state is None
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED


def test_the_submitter_gets_no_review_actions(site, author, second_editor):
    item = submitted_news_item(site, author)
    task = item.current_workflow_task

    assert task.get_actions(item, author) == []
    assert "approve" in [name for name, _label, _modal in task.get_actions(item, second_editor)]


def test_the_submitter_cannot_approve_their_own_news_item(client, site, author):
    item = submitted_news_item(site, author)
    task_state = item.current_workflow_task_state
    client.force_login(author)

    client.post(approve_url(item, task_state), {"comment": ""})

    item.refresh_from_db()
    assert not item.live
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_the_task_itself_refuses_an_approval_by_the_submitter(site, author):
    item = submitted_news_item(site, author)
    task_state = item.current_workflow_task_state

    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, author, "approve")

    assert not NewsPage.objects.get(pk=item.pk).live


def test_the_submitters_review_list_leaves_out_their_own_submissions(site, author, second_editor):
    item = submitted_news_item(site, author)
    task = item.current_workflow_task.specific

    assert not task.get_task_states_user_can_moderate(author).exists()
    assert (
        task.get_task_states_user_can_moderate(second_editor)
        .filter(workflow_state__object_id=str(item.pk))
        .exists()
    )


def test_editors_are_offered_submission_instead_of_publishing_news(client, site, author):
    item = NewsPageFactory(parent=site.news, live=False)
    client.force_login(author)

    html = client.get(reverse("wagtailadmin_pages:edit", args=(item.pk,))).content.decode()

    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_publishing_news_directly_from_the_editor_keeps_it_a_draft(client, site, author):
    item = NewsPageFactory(parent=site.news, live=False)
    client.force_login(author)
    data = nested_form_data(
        {
            "title": "Nieuw bericht",
            "slug": item.slug,
            "date": "2026-11-01",
            "summary": "Samenvatting.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )

    response = client.post(reverse("wagtailadmin_pages:edit", args=(item.pk,)), data)

    item.refresh_from_db()
    assert response.status_code == 302
    assert not item.live
    assert item.get_latest_revision().content["title"] == "Nieuw bericht"


def test_pages_outside_the_editorial_sections_publish_directly(client, site, author):
    client.force_login(author)

    html = client.get(reverse("wagtailadmin_pages:edit", args=(site.framework.pk,))).content
    assert b'name="action-publish"' in html


def test_a_news_item_sent_back_for_changes_stays_offline(client, site, author, second_editor):
    item = submitted_news_item(site, author)
    task_state = item.current_workflow_task_state
    client.force_login(second_editor)

    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(item.pk, "reject", task_state.pk)),
        {"comment": "Graag een bron bij het cijfer."},
    )

    item.refresh_from_db()
    assert not item.live
    assert item.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_second_editor_approving_from_the_unchanged_editor_publishes_the_news_item(
    client, site, author, second_editor
):
    item = submitted_news_item(site, author)
    client.force_login(second_editor)
    # What the browser posts for the untouched form; Wagtail renders no "initial-date" input.
    data = nested_form_data(
        {
            "title": item.title,
            "slug": item.slug,
            "date": item.date.isoformat(),
            "summary": item.summary,
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
        }
    )

    client.post(reverse("wagtailadmin_pages:edit", args=(item.pk,)), data)

    item.refresh_from_db()
    assert item.live
    assert item.current_workflow_state is None
