from django.contrib.contenttypes.models import ContentType

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    published,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from repository.models import Material


def record_version_on_publish(sender, instance, revision, **kwargs):
    from repository.services.materials import version_record_publication

    version_record_publication(material=instance, revision=revision)


def reindex_on_publish(sender, instance, **kwargs):
    # Wagtail indexes on post_save, before a publish has saved the new files and keywords.
    from repository.services.search import material_reindex

    material_reindex(material=instance)


def _quiet_about_materials(notifier):
    """Wrap one of Wagtail's workflow mailers so it stays silent about materials."""

    def receiver(sender, instance, **kwargs):
        state = instance if isinstance(instance, WorkflowState) else instance.workflow_state
        if state.base_content_type_id == ContentType.objects.get_for_model(Material).pk:
            return False
        return notifier(sender=sender, instance=instance, **kwargs)

    return receiver


def quiet_wagtail_review_mail():
    """Replace Wagtail's workflow mail for materials by the review's own (services.review).

    Wagtail would mail the whole Reviewers group on each submission and only the submitter
    on a decision; review mail goes to assigned reviewers and to every author instead. The
    same dispatch_uid keeps Wagtail's later registration (wagtail.admin loads after us) out.
    """
    from wagtail.admin import signal_handlers as wagtail_mail

    for signal, sender, uid, notifier in (
        (
            task_submitted,
            TaskState,
            "group_approval_task_submitted_email_notification",
            wagtail_mail.task_submission_email_notifier,
        ),
        (
            workflow_submitted,
            WorkflowState,
            "workflow_state_submitted_email_notification",
            wagtail_mail.workflow_submission_email_notifier,
        ),
        (
            workflow_rejected,
            WorkflowState,
            "workflow_state_rejected_email_notification",
            wagtail_mail.workflow_rejection_email_notifier,
        ),
        (
            workflow_approved,
            WorkflowState,
            "workflow_state_approved_email_notification",
            wagtail_mail.workflow_approval_email_notifier,
        ),
    ):
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(
            _quiet_about_materials(notifier), sender=sender, dispatch_uid=uid, weak=False
        )


def register_signal_handlers():
    published.connect(record_version_on_publish, sender=Material)
    quiet_wagtail_review_mail()
    published.connect(reindex_on_publish, sender=Material)
