"""CSV exports for the yearly evaluation: streamed, Excel-friendly, anonymous, injection-safe."""

import csv
import io
from datetime import datetime

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.models import QualityFrameworkPage
from repository.exports import csv_cell
from repository.models import Feedback, Report, Review, ReviewScore
from repository.services.feedback import (
    feedback_public_create,
    feedback_teacher_save,
    report_create,
)
from tests.accounts.factories import EditorFactory, ReviewerFactory, TeacherFactory
from tests.repository.factories import published_material

pytestmark = pytest.mark.django_db


def export_url(kind: str) -> str:
    return reverse("repository_feedback_admin:export_csv", args=[kind])


def download(client, kind: str, **params) -> tuple[StreamingHttpResponse, str]:
    response = client.get(export_url(kind), params)
    return response, b"".join(response.streaming_content).decode("utf-8")


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def material():
    return published_material(TeacherFactory(), title="Breuken vergelijken")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("gewone tekst", "gewone tekst"),
        (3, "3"),
        (None, ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_prefixed(value, expected):
    assert csv_cell(value) == expected


def make_review(material, *, reviewer, created_at=None) -> Review:
    framework = QualityFrameworkPage.objects.live().first()
    review = Review.objects.create(
        material=material,
        reviewer=reviewer,
        framework=framework,
        framework_version="1.0",
        recommendation=Review.Recommendation.APPROVE,
        public_summary="Helder opgebouwd.",
    )
    ReviewScore.objects.create(
        review=review, criterion_code="K1", criterion_title="Inhoud klopt", score=4, sort_order=1
    )
    ReviewScore.objects.create(
        review=review, criterion_code="K2", criterion_title="Toegankelijk", score=None, sort_order=2
    )
    if created_at:
        Review.objects.filter(pk=review.pk).update(created_at=created_at)
    return review


def test_review_export_has_one_row_per_score_and_no_reviewer(editor_client, home_page, material):
    reviewer = ReviewerFactory(display_name="Bea Beoordelaar", email="bea@school.example")
    make_review(material, reviewer=reviewer)

    response, text = download(editor_client, "beoordelingen")

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert text.startswith("\ufeff")
    header, *data = rows(text)
    assert header[:4] == ["leermiddel-id", "titel", "datum beoordeling", "versie kwaliteitskader"]
    assert [row[4:] for row in data] == [
        ["K1", "Inhoud klopt", "4", "goedkeuren"],
        ["K2", "Toegankelijk", "n.v.t.", "goedkeuren"],
    ]
    assert all(row[1] == "Breuken vergelijken" and row[3] == "1.0" for row in data)
    for identity in ("Bea", "bea@school.example", reviewer.username):
        assert identity not in text


def test_review_export_filters_by_year(editor_client, home_page, material):
    reviewer = ReviewerFactory()
    make_review(material, reviewer=reviewer, created_at=timezone.make_aware(datetime(2025, 5, 1)))
    make_review(material, reviewer=reviewer, created_at=timezone.make_aware(datetime(2026, 3, 1)))

    _response, text = download(editor_client, "beoordelingen", year=2025)

    data = rows(text)[1:]
    assert len(data) == 2
    assert {row[2] for row in data} == {"2025-05-01"}


def test_feedback_export_has_no_teacher_identity_and_escapes_formulas(editor_client, material):
    teacher = TeacherFactory(display_name="Tom Leraar", email="tom@school.example")
    feedback_teacher_save(
        material=material,
        author=teacher,
        outcome=4,
        would_use_again="yes",
        comment="=cmd|' /C calc'!A0",
    )
    feedback_public_create(material=material, role="parent", helpful="partly")

    _response, text = download(editor_client, "ervaringen")

    header, *data = rows(text)
    assert len(data) == 2
    assert "'=cmd|' /C calc'!A0" in [cell for row in data for cell in row]
    for identity in ("Tom", "tom@school.example", teacher.username):
        assert identity not in text
    assert Feedback.objects.count() == 2


def test_report_export_leaves_out_the_contact_address(editor_client, material):
    report_create(
        material=material,
        reason="licence",
        description="Foto zonder bron.",
        contact_email="melder@example.org",
    )

    _response, text = download(editor_client, "meldingen")

    header, *data = rows(text)
    assert data[0][3] == Report.Reason.LICENCE.label
    assert "Foto zonder bron." in data[0]
    assert "melder@example.org" not in text


def test_export_with_an_invalid_year_returns_to_the_export_page_with_a_message(editor_client):
    response = editor_client.get(export_url("ervaringen"), {"year": "twintig"})

    assert response.status_code == 302
    assert response.url == reverse("repository_feedback_admin:exports")


def test_unknown_export_is_not_found(editor_client):
    assert editor_client.get(export_url("gebruikers")).status_code == 404


def test_export_page_links_to_the_three_exports_for_the_chosen_year(editor_client):
    html = editor_client.get(
        reverse("repository_feedback_admin:exports"), {"year": 2026}
    ).content.decode()

    for kind in ("beoordelingen", "ervaringen", "meldingen"):
        assert f"{export_url(kind)}?year=2026" in html
