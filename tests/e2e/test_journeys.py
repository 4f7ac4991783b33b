"""What visitors and teachers do on the site, step by step in Chromium, with screenshots."""

import re
import zipfile

import pytest
from playwright.sync_api import expect

from repository.models import Collection, Material

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = re.compile("^Titel")
FOCUSED_OUTLINE = """() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
}"""


class ActionCounter:
    """Count the clicks and form submissions a journey needs."""

    def __init__(self):
        self.count = 0

    def click(self, locator, **kwargs):
        self.count += 1
        locator.click(**kwargs)


def test_a_visitor_finds_a_material_by_words_and_two_filters_and_downloads_it(
    page, site, screenshots
):
    page.goto("/leermiddelen/")
    page.get_by_role("searchbox", name="Zoek in leermiddelen").fill("breuken")
    page.get_by_role("group", name="Vak").get_by_role("checkbox").first.check()
    page.get_by_role("group", name="Onderwijsniveau").get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Toon resultaten").click()

    results = page.locator(".search-cards > li")
    expect(results).to_have_count(3)
    page.get_by_role("link", name=site.material.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(site.material.title)
    preview = page.get_by_role("img", name="Eerste pagina van breuken.pdf")
    preview.scroll_into_view_if_needed()
    expect(preview).to_have_js_property("complete", True)
    assert preview.evaluate("image => image.naturalWidth") > 0
    with page.expect_download() as started:
        page.get_by_role("link", name="Alles downloaden als ZIP").click()

    download = started.value
    assert download.suggested_filename.endswith(".zip")
    with zipfile.ZipFile(download.path()) as archive:
        assert {"breuken.pdf", "oefenblad.pdf"} <= {
            name.rsplit("/", 1)[-1] for name in archive.namelist()
        }
    screenshots.take(page, "material-page")
    screenshots.save()


def test_a_teacher_remixes_in_three_actions_and_starts_a_collection_with_a_remix(
    page, site, sign_in, screenshots
):
    sign_in(site.teacher)
    actions = ActionCounter()
    page.goto(site.other_material.get_absolute_url())

    actions.click(page.get_by_role("button", name="Bewerk een kopie"))
    page.get_by_role("textbox", name=TITLE).fill("Rekenen met geld op de markt")
    actions.click(page.get_by_role("button", name="Indienen ter beoordeling"))

    assert actions.count <= 3
    remix = Material.objects.get(owner=site.teacher, title="Rekenen met geld op de markt")
    assert remix.sources.get().source_material == site.other_material
    expect(page.get_by_text("In beoordeling").first).to_be_visible()

    page.goto(site.remix.get_absolute_url())
    page.get_by_label("Kies een arrangement").select_option(label="Nieuw arrangement")
    page.get_by_role("button", name="Toevoegen aan arrangement").click()
    page.get_by_role("textbox", name=TITLE).fill("Breuken met eten")
    page.get_by_role("button", name="Arrangement maken").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Breuken met eten")
    collection = Collection.objects.get(owner=site.teacher, title="Breuken met eten")
    assert [item.material for item in collection.items.all()] == [site.remix]
    screenshots.take(page, "collection-edit")
    screenshots.save()


def test_the_language_switch_turns_the_interface_to_english_and_back(page, site, screenshots):
    page.goto("/leermiddelen/")

    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Learning materials")
    screenshots.take(page, "browse-in-english")
    page.get_by_role("link", name="Nederlands").click()

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Leermiddelen")
    assert "/en/" not in page.url
    screenshots.save()


def press_tab_until(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching the selector has focus, checking each focus ring."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED_OUTLINE), "no visible focus outline on " + page.evaluate(
            "document.activeElement.outerHTML.slice(0, 120)"
        )
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} got no focus after {limit} presses of Tab")


def test_a_keyboard_user_searches_filters_and_opens_a_material(page, site, screenshots):
    page.goto("/leermiddelen/")

    press_tab_until(page, "input[name=q]:not(#site-search-query)")
    page.keyboard.type("breuken")
    press_tab_until(page, ".facet input[type=checkbox]")
    page.keyboard.press("Space")
    press_tab_until(page, ".browse__filter-actions button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/leermiddelen/?*")
    press_tab_until(page, ".search-cards a")
    screenshots.take(page, "keyboard-focus", from_top=False)
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/leermiddelen/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Breuken vergelijken"))
    screenshots.save()


def test_the_home_page_and_the_search_results_look_as_expected(page, site, screenshots):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshots.take(page, "home")

    page.goto("/leermiddelen/?q=breuken")

    expect(page.locator(".search-cards > li")).to_have_count(3)
    screenshots.take(page, "search-results")
    screenshots.save()
