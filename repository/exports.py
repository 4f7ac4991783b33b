"""CSV exports of reviews, experiences and reports for the alliance's yearly evaluation.

Nobody's identity goes out: no reviewers, teachers, reporters, moderators or e-mail addresses.
"""

import csv
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from repository.models import Feedback, Report, ReviewScore

# Spreadsheets run cells that start with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"


def csv_cell(value) -> str:
    """Turn a value into a cell a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write() hands the line back, so rows stream one by one."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list], *, language: str) -> Iterator[str]:
    """Yield the CSV text line by line, starting with a byte order mark for Excel."""
    # Rows are written after the view returns; keep the request's language for their labels.
    with translation.override(language):
        # A semicolon is what Excel expects in a Dutch locale, where the comma is a decimal sign.
        writer = csv.writer(_Echo(), delimiter=";")
        yield BYTE_ORDER_MARK + writer.writerow([csv_cell(cell) for cell in header])
        for row in rows:
            yield writer.writerow([csv_cell(cell) for cell in row])


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(header, rows, language=translation.get_language()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _date(value) -> str:
    return timezone.localdate(value).isoformat() if value else ""


def review_header() -> list[str]:
    return [
        _("leermiddel-id"),
        _("titel"),
        _("datum beoordeling"),
        _("versie kwaliteitskader"),
        _("code criterium"),
        _("criterium"),
        _("score"),
        _("advies"),
    ]


def review_rows(scores: Iterable[ReviewScore]) -> Iterator[list]:
    for score in scores:
        review = score.review
        yield [
            review.material.pk,
            review.material.title,
            _date(review.created_at),
            review.framework_version,
            score.criterion_code,
            score.criterion_title,
            score.score if score.score is not None else _("n.v.t."),
            review.get_recommendation_display(),
        ]


def feedback_header() -> list[str]:
    return [
        _("leermiddel-id"),
        _("titel"),
        _("versie"),
        _("datum"),
        _("van"),
        _("onderwijsniveau"),
        _("klas of groep"),
        _("hoe ging het (1-4)"),
        _("hielp het"),
        _("opnieuw gebruiken"),
        _("aangepast"),
        _("toelichting"),
        _("status"),
    ]


def feedback_rows(feedback: Iterable[Feedback]) -> Iterator[list]:
    for item in feedback:
        yield [
            item.material.pk,
            item.material.title,
            item.version_number,
            _date(item.created_at),
            item.get_role_display(),
            item.level.label if item.level else "",
            item.class_context,
            item.outcome,
            item.get_helpful_display(),
            item.get_would_use_again_display(),
            item.adaptations,
            item.comment,
            item.get_status_display(),
        ]


def report_header() -> list[str]:
    return [
        _("leermiddel-id"),
        _("titel"),
        _("datum"),
        _("probleem"),
        _("toelichting"),
        _("status"),
        _("afhandeling"),
        _("afgehandeld op"),
    ]


def report_rows(reports: Iterable[Report]) -> Iterator[list]:
    for report in reports:
        yield [
            report.material.pk,
            report.material.title,
            _date(report.created_at),
            report.get_reason_display(),
            report.description,
            report.get_status_display(),
            report.resolution_note,
            _date(report.handled_at),
        ]
