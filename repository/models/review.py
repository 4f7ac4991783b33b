"""The review task that materials pass through before they are published."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import GroupApprovalTask


def is_author(material, user) -> bool:
    if not user.is_authenticated:
        return False
    if material.owner_id == user.pk:
        return True
    return material.co_authors.filter(pk=user.pk).exists()


class MaterialReviewTask(GroupApprovalTask):
    """Approval by the reviewers' group, in which nobody may approve their own material."""

    def user_can_access_editor(self, obj, user):
        return not is_author(obj, user) and super().user_can_access_editor(obj, user)

    def get_actions(self, obj, user):
        if is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    class Meta:
        verbose_name = _("beoordeling van een leermiddel")
        verbose_name_plural = _("beoordelingen van leermiddelen")
