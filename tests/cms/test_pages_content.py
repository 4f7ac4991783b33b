"""What the content pages show: linked materials, shared blocks, groups and their members."""

from django.core.exceptions import ValidationError

import pytest

from cms.blocks import BodyBlock, CallToActionBlock, ImageWithAltTextBlock
from cms.models import BestPracticeMaterial, GroupMember, GroupPage
from repository.services.materials import material_withdraw
from tests.accounts.factories import TeacherFactory
from tests.cms.factories import (
    BestPracticePageFactory,
    GroupPageFactory,
    StandardPageFactory,
    small_site,
)
from tests.repository.factories import draft_material, published_material

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return small_site()


@pytest.fixture
def teacher():
    return TeacherFactory()


def test_a_best_practice_shows_only_its_published_materials_in_the_chosen_order(
    client, site, teacher
):
    second = published_material(teacher, title="Tafels oefenen")
    first = published_material(teacher, title="Breuken vergelijken")
    draft = draft_material(teacher, title="Nog een concept")
    withdrawn = published_material(teacher, title="Ingetrokken les")
    material_withdraw(material=withdrawn, user=teacher)
    page = BestPracticePageFactory(
        parent=site.best_practices,
        material_links=[
            BestPracticeMaterial(sort_order=0, material=first),
            BestPracticeMaterial(sort_order=1, material=draft),
            BestPracticeMaterial(sort_order=2, material=withdrawn),
            BestPracticeMaterial(sort_order=3, material=second),
        ],
    )

    response = client.get(page.url)

    assert [material.title for material in response.context["materials"]] == [
        "Breuken vergelijken",
        "Tafels oefenen",
    ]
    html = response.content.decode()
    assert "Nog een concept" not in html and "Ingetrokken les" not in html


def test_a_material_teaser_shows_a_published_material(client, site, teacher):
    material = published_material(teacher, title="Breuken vergelijken")
    page = StandardPageFactory(
        parent=site.home,
        body=[{"type": "material", "value": {"material": material.pk, "note": "Aanrader."}}],
    )

    html = client.get(page.url).content.decode()

    assert f'href="{material.get_absolute_url()}">Breuken vergelijken</a>' in html
    assert "Aanrader." in html


def test_a_material_teaser_hides_a_material_that_is_not_published(client, site, teacher):
    material = draft_material(teacher, title="Nog een concept")
    page = StandardPageFactory(
        parent=site.home,
        body=[{"type": "material", "value": {"material": material.pk, "note": "Aanrader."}}],
    )

    html = client.get(page.url).content.decode()

    assert "Nog een concept" not in html
    assert "Aanrader." not in html


def test_an_image_block_requires_alternative_text():
    block = ImageWithAltTextBlock()

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))
    assert block.child_blocks["alt_text"].required


def test_a_call_to_action_needs_a_page_or_an_address_but_not_both(site):
    block = CallToActionBlock()
    value = {"title": "Lees meer", "text": "", "link_text": "Lees het kader"}

    with pytest.raises(ValidationError):
        block.clean(block.to_python({**value, "page": None, "url": ""}))
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python({**value, "page": site.framework.pk, "url": "https://example.org"})
        )
    assert block.clean(block.to_python({**value, "page": site.framework.pk, "url": ""}))


def test_a_table_renders_with_its_caption_and_column_headings(client, site):
    table = {
        "caption": "Deelnemende scholen",
        "columns": [
            {"type": "text", "heading": "Sector"},
            {"type": "number", "heading": "Scholen"},
        ],
        "rows": [{"values": ["Praktijkonderwijs", 31]}],
    }
    page = StandardPageFactory(parent=site.home, body=[{"type": "table", "value": table}])

    html = client.get(page.url).content.decode()

    assert "<caption>Deelnemende scholen</caption>" in html
    assert '<th scope="col" class="numeric">Scholen</th>' in html
    assert "Praktijkonderwijs" in html


def test_the_shared_block_set_offers_every_content_block():
    assert set(BodyBlock().child_blocks) == {
        "heading",
        "paragraph",
        "image",
        "quote",
        "call_to_action",
        "embed",
        "document",
        "table",
        "material",
    }


def test_a_group_page_lists_its_members_in_order(client, site):
    group = GroupPageFactory(
        parent=site.governance,
        members=[
            GroupMember(sort_order=0, name="Ingrid Mulder", role="Voorzitter", organisation="-"),
            GroupMember(sort_order=1, name="Ruben Smit", role="Lid", organisation="po"),
        ],
    )

    html = client.get(group.url).content.decode()

    assert html.index("Ingrid Mulder") < html.index("Ruben Smit")
    assert '<th scope="col">Organisatie</th>' in html


def test_a_working_group_works_for_a_sector_or_on_a_theme(site):
    group = GroupPageFactory(parent=site.governance, title="Werkgroep", slug="werkgroep")
    group.kind = GroupPage.Kind.WORKING

    with pytest.raises(ValidationError, match="sector of aan een thema"):
        group.full_clean()


def test_the_governance_page_groups_the_three_parts(client, site):
    GroupPageFactory(parent=site.governance, title="Stuurgroep", slug="stuurgroep")
    GroupPageFactory(
        parent=site.governance,
        title="Klankbordgroep",
        slug="klankbordgroep",
        kind=GroupPage.Kind.SOUNDING_BOARD,
    )

    groups = dict(client.get(site.governance.url).context["groups_by_kind"])

    assert [group.title for group in groups["Stuurgroep"]] == ["Stuurgroep"]
    assert groups["Werkgroepen"] == []
    assert [group.title for group in groups["Klankbordgroep"]] == ["Klankbordgroep"]
