"""The editorial review that news and best practices pass before they go live."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.models import GroupApprovalTask


def is_submitter(obj, user) -> bool:
    """Return True when the user sent the object's running workflow on its way."""
    state = obj.current_workflow_state
    return state is not None and user.is_authenticated and state.requested_by_id == user.pk


class EditorialReviewTask(GroupApprovalTask):
    """Approval by the editors' group, by someone other than the editor who submitted."""

    def get_actions(self, obj, user):
        if is_submitter(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if task_state.workflow_state.requested_by_id == user.pk:
            raise PermissionDenied("The submitter cannot review their own submission.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("Een tweede redacteur keurt goed; wie indient, kan zelf niet goedkeuren.")

    class Meta:
        verbose_name = _("redactionele controle")
        verbose_name_plural = _("redactionele controles")


def editorial_review_required(page, user) -> bool:
    """Return True when the user may publish the page only through an editorial review."""
    if user.is_superuser:
        return False
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        return False
    return EditorialReviewTask.objects.filter(
        workflow_tasks__workflow=workflow, active=True
    ).exists()
