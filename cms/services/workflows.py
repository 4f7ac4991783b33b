"""The editorial workflow that news and best practices go through."""

from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from accounts.roles import EDITORS
from cms.models import BestPracticeIndexPage, EditorialReviewTask, NewsIndexPage

EDITORIAL_WORKFLOW = "Redactie"
EDITORIAL_TASK = "Tweede redacteur keurt goed"


@transaction.atomic
def editorial_workflow_ensure() -> Workflow:
    """Make the "Redactie" workflow and assign it to every news and best-practice section.

    A section that an administrator gave another workflow keeps it.
    """
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    task = EditorialReviewTask.objects.filter(name=EDITORIAL_TASK).first()
    if task is None:
        task = EditorialReviewTask.objects.create(name=EDITORIAL_TASK)
        task.groups.set([editors])
    workflow, _ = Workflow.objects.get_or_create(name=EDITORIAL_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    sections = [*NewsIndexPage.objects.all(), *BestPracticeIndexPage.objects.all()]
    for section in sections:
        WorkflowPage.objects.get_or_create(page=section, defaults={"workflow": workflow})
    return workflow
