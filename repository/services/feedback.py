"""Writes of experiences and problem reports: submission, moderation, notifications, demo data."""

import logging
import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation

from metadata.models import Concept
from repository.models import Feedback, Material, Report
from repository.selectors.feedback import teacher_may_give_feedback

logger = logging.getLogger(__name__)

REPORT_TRANSITIONS = {
    Report.Status.OPEN: {
        Report.Status.IN_PROGRESS,
        Report.Status.RESOLVED,
        Report.Status.DISMISSED,
    },
    Report.Status.IN_PROGRESS: {Report.Status.RESOLVED, Report.Status.DISMISSED},
}
CLOSED_REPORT_STATUSES = (Report.Status.RESOLVED, Report.Status.DISMISSED)
LINK_PATTERN = re.compile(
    r"https?://|www\.|<a\s|\[url|\b[\w-]+\.(?:com|net|org|nl|be|eu|info|biz|io|ru|xyz|top)\b",
    re.IGNORECASE,
)


def contains_link(*texts: str) -> bool:
    """Tell whether any text holds something that looks like a web address."""
    return any(LINK_PATTERN.search(text or "") for text in texts)


def _latest_version_number(material: Material) -> int | None:
    return material.versions.aggregate(number=Max("number"))["number"]


def _require_published(material: Material) -> None:
    if not (material.live and not material.is_withdrawn):
        raise PermissionDenied("Feedback and reports are only for published materials.")


@transaction.atomic
def feedback_teacher_save(
    *,
    material: Material,
    author,
    outcome: int,
    would_use_again: str,
    level: Concept | None = None,
    class_context: str = "",
    adaptations: str = "",
    comment: str = "",
) -> Feedback:
    """Record a teacher's experience with the current version, or update theirs.

    It is shown at once; with a link in it, an editor looks first.
    """
    _require_published(material)
    if not teacher_may_give_feedback(author, material):
        raise PermissionDenied("Only verified teachers who did not author it give feedback.")
    version_number = _latest_version_number(material)
    feedback = (
        Feedback.objects.select_for_update()
        .filter(material=material, author=author, version_number=version_number)
        .first()
    )
    is_new = feedback is None
    if is_new:
        feedback = Feedback(
            material=material,
            author=author,
            role=Feedback.Role.TEACHER,
            version_number=version_number,
        )
    feedback.level = level
    feedback.class_context = class_context.strip()
    feedback.outcome = outcome
    feedback.would_use_again = would_use_again
    feedback.adaptations = adaptations.strip()
    feedback.comment = comment.strip()
    # An editor's decision to hide it stands; otherwise links wait for a look.
    if feedback.status != Feedback.Status.REJECTED:
        has_link = contains_link(feedback.comment, feedback.adaptations, feedback.class_context)
        feedback.status = Feedback.Status.PENDING if has_link else Feedback.Status.APPROVED
    feedback.full_clean()
    feedback.save()
    if is_new and feedback.status == Feedback.Status.APPROVED:
        _notify_authors_on_commit(feedback)
    return feedback


@transaction.atomic
def feedback_public_create(
    *, material: Material, role: str, helpful: str, comment: str = ""
) -> Feedback:
    """Record a student's or parent's short answer; it waits for an editor."""
    _require_published(material)
    if role not in (Feedback.Role.STUDENT, Feedback.Role.PARENT):
        raise PermissionDenied("The short form is for students and parents.")
    feedback = Feedback(
        material=material,
        role=role,
        helpful=helpful,
        comment=comment.strip(),
        version_number=_latest_version_number(material),
        status=Feedback.Status.PENDING,
    )
    feedback.full_clean()
    feedback.save()
    return feedback


@transaction.atomic
def feedback_moderate(*, feedback: Feedback, moderator, status: str) -> Feedback:
    """Approve, reject or hide an experience; authors hear of it when it first appears."""
    if not moderator.has_perm("repository.moderate_feedback"):
        raise PermissionDenied("Only editors moderate feedback.")
    if status not in Feedback.Status.values:
        raise ValueError(f"Unknown feedback status {status!r}.")
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    was_pending = feedback.status == Feedback.Status.PENDING
    feedback.status = status
    feedback.moderated_by = moderator
    feedback.moderated_at = timezone.now()
    feedback.full_clean()
    feedback.save(update_fields=["status", "moderated_by", "moderated_at"])
    if was_pending and status == Feedback.Status.APPROVED:
        _notify_authors_on_commit(feedback)
    return feedback


@transaction.atomic
def report_create(
    *,
    material: Material,
    reason: str,
    description: str,
    reporter=None,
    contact_email: str = "",
) -> Report:
    """File a problem report for the editors' queue."""
    _require_published(material)
    report = Report(
        material=material,
        reason=reason,
        description=description.strip(),
        reporter=reporter if reporter is not None and reporter.is_authenticated else None,
        contact_email=contact_email.strip(),
    )
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_handle(*, report: Report, handler, status: str, resolution_note: str = "") -> Report:
    """Move a report on; a closed report mails its note to the reporter, if they left an address."""
    if not handler.has_perm("repository.handle_report"):
        raise PermissionDenied("Only editors handle reports.")
    report = Report.objects.select_for_update().get(pk=report.pk)
    if status not in REPORT_TRANSITIONS.get(report.status, set()):
        raise PermissionDenied(f"A report cannot go from {report.status} to {status}.")
    resolution_note = resolution_note.strip()
    if status in CLOSED_REPORT_STATUSES and not resolution_note:
        raise ValueError("Closing a report needs a resolution note.")
    report.status = status
    report.resolution_note = resolution_note or report.resolution_note
    report.handled_by = handler
    report.handled_at = timezone.now()
    report.full_clean()
    report.save(update_fields=["status", "resolution_note", "handled_by", "handled_at"])
    if status in CLOSED_REPORT_STATUSES and report.contact_email:
        transaction.on_commit(lambda: _send_report_closed(report))
    return report


def _material_url(material: Material) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + material.get_absolute_url()


def _render_email(name: str, context: dict) -> tuple[str, str]:
    # Mail goes out after the request; it is written in the site's own language.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"repository/email/{name}_subject.txt", context)
        body = render_to_string(f"repository/email/{name}_message.txt", context)
    return " ".join(subject.split()), body


def author_addresses(material: Material) -> list[str]:
    """Return the e-mail addresses of the owner and co-authors, each once."""
    addresses, seen = [], set()
    for user in [material.owner, *material.co_authors.all()]:
        if user.is_active and user.email and user.email.lower() not in seen:
            seen.add(user.email.lower())
            addresses.append(user.email)
    return addresses


def _notify_authors_on_commit(feedback: Feedback) -> None:
    transaction.on_commit(lambda: _send_feedback_to_authors(feedback))


def _send_feedback_to_authors(feedback: Feedback) -> None:
    material = feedback.material
    subject, body = _render_email(
        "feedback_new",
        {"feedback": feedback, "material": material, "material_url": _material_url(material)},
    )
    # One message each, so co-authors do not receive each other's addresses.
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        for address in author_addresses(material)
    ]
    get_connection().send_messages(messages)
    logger.info("feedback %s sent to %s author(s)", feedback.pk, len(messages))


def _send_report_closed(report: Report) -> None:
    subject, body = _render_email(
        "feedback_report_closed",
        {
            "report": report,
            "material": report.material,
            "material_url": _material_url(report.material),
        },
    )
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [report.contact_email]).send()


DEMO_PUBLIC_ANSWERS = [
    (Feedback.Role.STUDENT, Feedback.Helpful.YES, "De voorbeelden hielpen me echt.", True),
    (Feedback.Role.STUDENT, Feedback.Helpful.PARTLY, "", True),
    (Feedback.Role.PARENT, Feedback.Helpful.YES, "Mijn dochter kon er zelf mee oefenen.", True),
    (Feedback.Role.STUDENT, Feedback.Helpful.NO, "Ik snapte opdracht 3 niet.", False),
]
DEMO_REPORT_DESCRIPTION = "Bij opdracht 4 klopt het antwoord in de antwoordenlijst niet."


def _demo_feedback(material: Material, **fields) -> Feedback:
    # Written directly rather than through the services: seeding should not mail the authors.
    feedback = Feedback(
        material=material, version_number=_latest_version_number(material), **fields
    )
    feedback.full_clean()
    feedback.save()
    return feedback


@transaction.atomic
def demo_feedback_ensure(*, teachers: list, editor) -> int:
    """Give the first published demo materials experiences and one report; return the count."""
    materials = list(Material.objects.published().order_by("pk")[:3])
    for index, material in enumerate(materials):
        if material.feedback.exists():
            continue
        others = [teacher for teacher in teachers if teacher_may_give_feedback(teacher, material)]
        for outcome, teacher in zip((4, 3), others, strict=False):
            _demo_feedback(
                material,
                role=Feedback.Role.TEACHER,
                author=teacher,
                status=Feedback.Status.APPROVED,
                outcome=outcome,
                would_use_again=Feedback.Again.YES,
                level=material.levels.first(),
                class_context="Groep van 26 leerlingen, twee lessen.",
                adaptations="De laatste opdracht als huiswerk gegeven.",
                comment="Leerlingen gingen er goed mee aan de slag.",
            )
        for role, helpful, comment, approved in DEMO_PUBLIC_ANSWERS[index:]:
            _demo_feedback(
                material,
                role=role,
                helpful=helpful,
                comment=comment,
                status=Feedback.Status.APPROVED if approved else Feedback.Status.PENDING,
                moderated_by=editor if approved else None,
                moderated_at=timezone.now() if approved else None,
            )
    if materials and not Report.objects.filter(description=DEMO_REPORT_DESCRIPTION).exists():
        report_create(
            material=materials[0],
            reason=Report.Reason.INCORRECT,
            description=DEMO_REPORT_DESCRIPTION,
        )
    return Feedback.objects.count()
