"""Teachers, reviewers and editors doing their work in Chromium, each journey end to end."""

import base64
import re

import pytest
from playwright.sync_api import expect

from cms.models import NewsIndexPage, NewsPage
from metadata.models import Concept
from repository import demo_files
from repository.models import Material, ReviewStatus
from repository.services.materials import working_copy
from tests.accounts.factories import EditorFactory, TeacherFactory
from tests.e2e.test_journeys import press_tab_until
from tests.repository.review_factories import submitted_material
from tests.repository.test_views_edit import curriculum_goal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FILES = ("breuken.pdf", "oefenblad.pdf")
# Tab stops on the edit form: every level and subject is a checkbox of its own.
LONG_FORM = 300
DROP_FILES = """async ([selector, files]) => {
    // What the browser hands the page when files from the desktop are dropped on the zone.
    const transfer = new DataTransfer();
    for (const file of files) {
        const bytes = Uint8Array.from(atob(file.data), (character) => character.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: "application/pdf" }));
    }
    const zone = document.querySelector(selector);
    for (const type of ["dragenter", "dragover", "drop"]) {
        const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
        zone.dispatchEvent(new DragEvent(type, init));
    }
}"""


def concept_box(scheme: str, notation: str) -> str:
    """The selector of a concept's checkbox in the edit form's picker."""
    concept = Concept.objects.get(scheme__slug=scheme, notation=notation)
    return f"input[name={scheme}][value='{concept.pk}']"


def pdf_payload(name: str) -> dict:
    data = demo_files.pdf_bytes("Breuken vergelijken", [name])
    return {"name": name, "data": base64.b64encode(data).decode()}


class HeldRequests:
    """Hold the browser's upload requests until the test lets them go, to see them in flight."""

    def __init__(self, page, pattern: str):
        self.page = page
        self.held = []
        page.route(pattern, self._hold)

    def _hold(self, route):
        if route.request.method == "POST":
            self.held.append(route)
        else:
            route.continue_()

    def wait_for_one(self) -> None:
        for _attempt in range(100):
            if self.held:
                return
            self.page.wait_for_timeout(50)
        raise AssertionError("no upload request reached the server")

    def release(self) -> None:
        for route in self.held:
            route.continue_()
        self.held.clear()


def describe_material(page) -> None:
    """Fill in the metadata form with its pickers: levels, subjects and a kerndoel."""
    page.get_by_role("textbox", name=re.compile("^Titel")).fill("Breuken vergelijken met pizza")
    page.get_by_role("textbox", name=re.compile("^Samenvatting")).fill(
        "Leerlingen vergelijken breuken met pizzapunten."
    )
    page.locator("#veld-levels").get_by_label("groep 6", exact=True).check()
    page.locator("#veld-subjects").get_by_label("Rekenen en wiskunde", exact=True).check()
    goal_search = page.get_by_role("combobox", name=re.compile("Zoek een kerndoel"))
    goal_search.fill("breuken")
    page.get_by_role("option", name=re.compile("Rekenen met breuken")).click()
    page.locator("input[name=licence][value='cc-by-4.0']").check()


def test_a_teacher_drops_two_files_describes_them_with_the_pickers_and_submits(
    page, site, sign_in, screenshots
):
    goal = curriculum_goal("K23", "Rekenen met breuken")
    teacher = TeacherFactory(display_name="Dirk Bakker")
    sign_in(teacher)
    page.goto("/leermiddelen/nieuw/")
    uploads = HeldRequests(page, "**/leermiddelen/nieuw/")

    page.evaluate(DROP_FILES, ["[data-dropzone]", [pdf_payload(name) for name in FILES]])

    uploads.wait_for_one()
    rows = page.locator(".upload-item")
    expect(rows).to_have_count(2)
    expect(rows.first.locator("progress")).to_be_visible()
    expect(rows.first).to_contain_text("geüpload")
    expect(rows.nth(1)).to_contain_text("Wacht op de vorige")
    screenshots.take(page, "upload-progress")
    uploads.release()
    page.wait_for_url(re.compile(r"/leermiddelen/\d+/bewerken/$"))
    expect(page.locator("[data-file-row]")).to_have_count(2)
    describe_material(page)
    page.get_by_role("button", name="Concept opslaan").click()
    expect(page.get_by_text("Je concept is opgeslagen.")).to_be_visible()
    page.get_by_role("button", name="Indienen ter beoordeling").click()

    expect(page.get_by_text("In beoordeling").first).to_be_visible()
    material = Material.objects.get(owner=teacher)
    assert material.review_status == ReviewStatus.IN_REVIEW
    draft = working_copy(material)
    assert sorted(file.original_name for file in draft.files.all()) == list(FILES)
    assert [level.notation for level in draft.levels.all()] == ["groep 6"]
    assert [subject.notation for subject in draft.subjects.all()] == ["rw"]
    assert list(draft.curriculum_goals.all()) == [goal]
    screenshots.save()


def test_a_reviewer_scores_the_rubric_and_approves_and_the_teacher_sees_it_reviewed(
    page, site, sign_in, screenshots
):
    material = submitted_material(site.teacher, title="Breuken op de getallenlijn")
    sign_in(site.reviewer)
    page.goto(f"/admin/beoordelingen/{material.pk}/")
    rubric = page.locator("#rubriek")
    scores = rubric.locator("input[name^=score_][value='3']")
    expect(scores.first).to_be_visible()
    page.locator("#rubriek-titel").evaluate("heading => heading.scrollIntoView()")
    screenshots.take(page, "review-rubric", from_top=False)

    for index in range(scores.count()):
        scores.nth(index).check()
    rubric.get_by_label("goedkeuren").check()
    rubric.get_by_label("Openbare samenvatting").fill("Heldere opdrachten met breuken.")
    rubric.get_by_role("button", name="Beoordeling versturen").click()

    expect(page.get_by_text("Uw beoordeling van")).to_be_visible()
    material.refresh_from_db()
    assert material.live
    assert material.review_status == ReviewStatus.REVIEWED
    page.context.clear_cookies()
    sign_in(site.teacher)
    page.goto("/leermiddelen/mijn/")
    page.get_by_role("link", name="Breuken op de getallenlijn").first.click()
    expect(page.locator(".material-review__status")).to_contain_text(
        "Beoordeeld met kwaliteitskader v1.0"
    )
    expect(page.get_by_text("Heldere opdrachten met breuken.")).to_be_visible()
    screenshots.save()


def open_footer_menu(page) -> None:
    """Open the more-actions menu of the Wagtail editor's footer."""
    page.locator("footer .w-dropdown-button button[aria-expanded]").first.click()


def test_an_editor_submits_a_news_item_a_second_editor_approves_and_it_is_on_the_home_page(
    page, site, sign_in, screenshots
):
    author, second_editor = EditorFactory(), EditorFactory()
    news_index = NewsIndexPage.objects.filter(locale__language_code="nl").first()
    sign_in(author)
    page.goto(f"/admin/pages/add/cms/newspage/{news_index.pk}/")
    page.locator("#id_title").fill("Nieuwe werkgroep rekenen")
    # Wagtail fills the slug from the title when the field loses focus; wait for it, or a
    # quick submit on a busy machine goes without a slug and fails validation.
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).to_have_value("nieuwe-werkgroep-rekenen")
    page.locator("#id_summary").fill("Leraren rekenen denken mee over het kwaliteitskader.")
    open_footer_menu(page)
    page.locator("footer button[name=action-submit]").click()

    expect(page.locator(".messages")).to_contain_text("Nieuwe werkgroep rekenen")
    item = NewsPage.objects.get(title="Nieuwe werkgroep rekenen")
    assert not item.live
    assert item.current_workflow_state is not None
    page.context.clear_cookies()
    sign_in(second_editor)
    page.goto(f"/admin/pages/{item.pk}/edit/")
    approve = page.locator(
        "footer [data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    open_footer_menu(page)
    approve.click()
    expect(page.locator(".messages")).to_contain_text("Nieuwe werkgroep rekenen")
    item.refresh_from_db()
    assert item.live

    page.context.clear_cookies()
    page.goto("/")
    news = page.get_by_role("link", name="Nieuwe werkgroep rekenen")
    expect(news).to_be_visible()
    news.evaluate("link => link.scrollIntoView({ block: 'center' })")
    screenshots.take(page, "news-on-home-page", from_top=False)
    screenshots.save()


def test_a_keyboard_user_uploads_two_files_describes_them_and_submits_without_a_mouse(
    page, site, sign_in, tmp_path
):
    curriculum_goal("K23", "Rekenen met breuken")
    teacher = TeacherFactory(display_name="Els Mulder")
    paths = []
    for name in FILES:
        paths.append(tmp_path / name)
        paths[-1].write_bytes(demo_files.pdf_bytes("Breuken vergelijken", [name]))
    sign_in(teacher)
    page.goto("/leermiddelen/nieuw/")

    press_tab_until(page, "input[type=file]")
    # Choosing files happens in the system's dialog, outside the page; the rest is keyboard.
    page.locator(":focus").set_input_files(paths)
    page.wait_for_url(re.compile(r"/leermiddelen/\d+/bewerken/$"))
    press_tab_until(page, "input[name=title]")
    page.keyboard.press("Control+A")
    page.keyboard.type("Breuken met het toetsenbord")
    press_tab_until(page, "textarea[name=summary], input[name=summary]")
    page.keyboard.type("Oefeningen met breuken voor groep 6.")
    press_tab_until(page, concept_box("levels", "groep 6"), limit=LONG_FORM)
    page.keyboard.press("Space")
    press_tab_until(page, concept_box("subjects", "rw"), limit=LONG_FORM)
    page.keyboard.press("Space")
    press_tab_until(page, "#kerndoel-zoeken")
    page.keyboard.type("breuken")
    expect(page.get_by_role("option", name=re.compile("Rekenen met breuken"))).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    press_tab_until(page, "input[name=licence][value='cc-by-4.0']", limit=LONG_FORM)
    page.keyboard.press("Space")
    press_tab_until(page, "button[value=submit]", limit=LONG_FORM)
    page.keyboard.press("Enter")

    expect(page.get_by_text("In beoordeling").first).to_be_visible()
    material = Material.objects.get(owner=teacher)
    assert material.review_status == ReviewStatus.IN_REVIEW
    draft = working_copy(material)
    assert draft.title == "Breuken met het toetsenbord"
    assert sorted(file.original_name for file in draft.files.all()) == list(FILES)
    assert [goal.notation for goal in draft.curriculum_goals.all()] == ["K23"]
