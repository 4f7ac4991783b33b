"""Demo content for `seed_demo`: the page tree in Dutch, with English versions of core pages."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from PIL import Image as PillowImage
from PIL import ImageDraw

from cms.models import (
    BestPracticeIndexPage,
    BestPracticeMaterial,
    BestPracticePage,
    GovernanceIndexPage,
    GroupMember,
    GroupPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    QualityCriterion,
    QualityFrameworkIndexPage,
    QualityFrameworkPage,
    SiteSettings,
    StandardPage,
)
from cms.services import demo_content as content
from cms.services.workflows import editorial_workflow_ensure
from metadata.models import SECTORS, THEMES, Concept
from metadata.services import vocabularies_load_builtin
from repository import demo_files


def _stream(blocks: list[tuple[str, object]]) -> list[dict]:
    """Turn (block type, value) pairs into the stored form of a StreamField."""
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def _publish(page: Page) -> None:
    page.full_clean()
    page.save_revision().publish()


def _child_ensure(parent: Page, page_class: type[Page], *, slug: str, **fields) -> Page:
    """Return the parent's child with this slug, creating and publishing it when missing."""
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
        _publish(page)
    return page


@transaction.atomic
def demo_site_ensure() -> HomePage:
    """Make a Dutch home page with demo pages the default site's root, with English copies."""
    vocabularies_load_builtin()
    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    english, _ = Locale.objects.get_or_create(language_code="en")
    home = _home_ensure(dutch)

    for slug, fields in content.STANDARD_PAGES["nl"].items():
        in_menu = slug in content.STANDARD_PAGES_IN_MENU
        _child_ensure(home, StandardPage, slug=slug, show_in_menus=in_menu, **_fields(fields))
    _news_ensure(home)
    _best_practices_ensure(home)
    framework = _framework_ensure(home)
    _governance_ensure(home)
    _site_settings_ensure(Site.objects.get(is_default_site=True))

    _translation_ensure(home, english, content.HOME["en"])
    for page in home.get_children().specific():
        if page.slug in content.STANDARD_PAGES["en"]:
            _translation_ensure(page, english, content.STANDARD_PAGES["en"][page.slug])
    _framework_translation_ensure(framework, english)
    editorial_workflow_ensure()
    return home


def _home_ensure(locale: Locale) -> HomePage:
    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        placeholder = site.root_page if site else None
        if placeholder is not None and placeholder.specific_class is Page:
            # Wagtail's "Welcome" placeholder page holds the slug we want.
            site.root_page = root
            site.save()
            placeholder.delete()
        home = HomePage(slug="home", locale=locale, **_fields(content.HOME["nl"]))
        root.add_child(instance=home)
        _publish(home)
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="NLKA"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def _fields(values: dict) -> dict:
    """Return page field values with StreamField content in its stored form."""
    return {name: _stream(value) if name == "body" else value for name, value in values.items()}


def _concepts(scheme: str, identifiers: list[str]) -> list[Concept]:
    found = {
        concept.identifier: concept
        for concept in Concept.objects.in_scheme(scheme).filter(identifier__in=identifiers)
    }
    return [found[identifier] for identifier in identifiers if identifier in found]


def _concept(scheme: str, identifier: str | None) -> Concept | None:
    if identifier is None:
        return None
    return Concept.objects.in_scheme(scheme).filter(identifier=identifier).first()


def _news_ensure(home: HomePage) -> NewsIndexPage:
    index = _child_ensure(home, NewsIndexPage, show_in_menus=True, **content.NEWS_INDEX)
    for item in content.NEWS:
        _child_ensure(
            index,
            NewsPage,
            slug=item["slug"],
            title=item["title"],
            date=item["date"],
            summary=item["summary"],
            image=_demo_image(item["image"]),
            sectors=_concepts(SECTORS, item["sectors"]),
            themes=_concepts(THEMES, item["themes"]),
            body=_stream(item["body"]),
        )
    return index


def _best_practices_ensure(home: HomePage) -> BestPracticeIndexPage:
    index = _child_ensure(
        home, BestPracticeIndexPage, show_in_menus=True, **content.BEST_PRACTICE_INDEX
    )
    for item in content.BEST_PRACTICES:
        fields = {
            name: value
            for name, value in item.items()
            if name not in {"slug", "sector", "theme", "image", "materials"}
        }
        _child_ensure(
            index,
            BestPracticePage,
            slug=item["slug"],
            sector=_concept(SECTORS, item["sector"]),
            theme=_concept(THEMES, item["theme"]),
            image=_demo_image(item["image"]),
            **fields,
        )
    return index


def _criteria(language: str) -> list[QualityCriterion]:
    criteria = []
    for order, (code, sectors, texts) in enumerate(content.CRITERIA):
        theme, title, explanation, indicators, questions = texts[language]
        criteria.append(
            QualityCriterion(
                sort_order=order,
                code=code,
                theme=theme,
                title=title,
                explanation=explanation,
                indicators=indicators,
                guiding_questions=questions,
                sectors=_concepts(SECTORS, sectors),
            )
        )
    return criteria


def _framework_ensure(home: HomePage) -> QualityFrameworkPage:
    index = _child_ensure(
        home, QualityFrameworkIndexPage, show_in_menus=True, **content.FRAMEWORK_INDEX["nl"]
    )
    return _child_ensure(
        index,
        QualityFrameworkPage,
        criteria=_criteria("nl"),
        **content.FRAMEWORK_VERSION["nl"],
    )


def _framework_translation_ensure(framework: QualityFrameworkPage, locale: Locale) -> None:
    index = framework.get_parent().specific
    _translation_ensure(index, locale, content.FRAMEWORK_INDEX["en"])
    translation = framework.get_translation_or_none(locale)
    if translation is None:
        translation = framework.copy_for_translation(locale)
    translation = translation.specific
    if translation.live:
        return
    english = {criterion.code: criterion for criterion in _criteria("en")}
    criteria = list(translation.criteria.all())
    for criterion in criteria:
        source = english[criterion.code]
        for name in ("theme", "title", "explanation", "indicators", "guiding_questions"):
            setattr(criterion, name, getattr(source, name))
    # Assigning the list keeps the edits in memory until the revision is saved.
    translation.criteria = criteria
    for name, value in content.FRAMEWORK_VERSION["en"].items():
        setattr(translation, name, value)
    _publish(translation)


def _governance_ensure(home: HomePage) -> GovernanceIndexPage:
    index = _child_ensure(
        home, GovernanceIndexPage, show_in_menus=True, **_fields(content.GOVERNANCE_INDEX)
    )
    for group in content.GROUPS:
        fields = {
            name: value
            for name, value in group.items()
            if name not in {"slug", "sector", "theme", "members", "documents"}
        }
        _child_ensure(
            index,
            GroupPage,
            slug=group["slug"],
            sector=_concept(SECTORS, group.get("sector")),
            theme=_concept(THEMES, group.get("theme")),
            members=[
                GroupMember(sort_order=order, name=name, role=role, organisation=organisation)
                for order, (name, role, organisation) in enumerate(group["members"])
            ],
            documents=_stream(
                [
                    ("document", {"document": _demo_document(key).pk, "label": ""})
                    for key in group["documents"]
                ]
            ),
            **fields,
        )
    return index


def _site_settings_ensure(site: Site) -> None:
    settings = SiteSettings.for_site(site)
    if settings.footer_text or settings.contact_email:
        return
    for name, value in content.SITE_SETTINGS.items():
        setattr(settings, name, _stream(value) if name == "social_links" else value)
    settings.full_clean()
    settings.save()


def _translation_ensure(page: Page, locale: Locale, values: dict) -> Page:
    """Give a page a published translation in the locale, with the given content."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    if not translation.live:
        for name, value in _fields(values).items():
            setattr(translation, name, value)
        _publish(translation)
    return translation


def _demo_image(key: str):
    """Return the demo illustration with this key, drawing and storing it the first time."""
    title, alt_text, motif, colour = content.DEMO_IMAGES[key]
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title, description=alt_text)
        image.file = ImageFile(io.BytesIO(_illustration(motif, colour)), name=f"{key}.png")
        image._set_image_file_metadata()
        image.full_clean()
        image.save()
    return image


def _demo_document(key: str):
    title, lines = content.DEMO_DOCUMENTS[key]
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is None:
        document = document_model(title=title)
        document.file = ContentFile(demo_files.pdf_bytes(title, lines), name=f"{key}.pdf")
        document._set_document_file_metadata()
        document.full_clean()
        document.save()
    return document


def demo_material_links_ensure() -> int:
    """Link the demo best practices to the demo materials they used; return the links made.

    Run after the demo materials exist. A best practice that already links materials is
    left as it is.
    """
    from repository.models import Material

    made = 0
    for item in content.BEST_PRACTICES:
        page = BestPracticePage.objects.filter(slug=item["slug"]).first()
        if page is None or page.material_links.exists():
            continue
        materials = {
            material.title: material
            for material in Material.objects.published().filter(title__in=item["materials"])
        }
        links = [
            BestPracticeMaterial(sort_order=order, material=materials[title])
            for order, title in enumerate(item["materials"])
            if title in materials
        ]
        if not links:
            continue
        page.material_links = links
        _publish(page)
        made += len(links)
    return made


def _illustration(motif: str, colour: str, size: tuple[int, int] = (1200, 675)) -> bytes:
    """Draw a flat illustration: simple shapes in white and a lighter tint on a colour."""
    width, height = size
    image = PillowImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    light = "#ffffff"
    tint = "#ffd27a"
    cx, cy = width // 2, height // 2
    if motif == "checklist":
        draw.rounded_rectangle((cx - 170, cy - 240, cx + 170, cy + 240), 24, fill=light)
        draw.rectangle((cx - 70, cy - 265, cx + 70, cy - 215), fill=tint)
        for row in range(4):
            y = cy - 140 + row * 95
            draw.rectangle((cx - 120, y, cx - 80, y + 40), outline=colour, width=6)
            draw.line((cx - 115, y + 20, cx - 100, y + 35, cx - 75, y - 5), fill=colour, width=8)
            draw.rectangle((cx - 50, y + 12, cx + 120, y + 28), fill=colour)
    elif motif == "people":
        draw.ellipse((cx - 260, cy + 40, cx + 260, cy + 200), fill=tint)
        for index, x in enumerate(range(cx - 240, cx + 241, 120)):
            y = cy - 60 - (30 if index % 2 else 0)
            draw.ellipse((x - 40, y - 90, x + 40, y - 10), fill=light)
            draw.rounded_rectangle((x - 55, y, x + 55, y + 130), 40, fill=light)
    elif motif == "books":
        for index, shade in enumerate((light, tint, light, tint)):
            top = cy + 150 - (index + 1) * 70
            draw.rectangle((cx - 330 + index * 10, top, cx - 30 - index * 10, top + 60), fill=shade)
        draw.rounded_rectangle((cx + 60, cy - 200, cx + 330, cy + 170), 28, fill=light)
        draw.rectangle((cx + 90, cy - 160, cx + 300, cy + 120), fill=tint)
    elif motif == "steps":
        for index in range(3):
            x = cx - 390 + index * 270
            draw.rounded_rectangle((x, cy - 150, x + 240, cy + 150), 24, fill=light)
            draw.ellipse((x + 80, cy - 110, x + 160, cy - 30), fill=tint)
            draw.rectangle((x + 40, cy + 20, x + 200, cy + 40), fill=colour)
            draw.rectangle((x + 40, cy + 70, x + 160, cy + 90), fill=colour)
    elif motif == "chart":
        draw.line((cx - 360, cy + 200, cx + 360, cy + 200), fill=light, width=10)
        for index, bar_height in enumerate((120, 200, 280, 380)):
            x = cx - 300 + index * 170
            shade = tint if index == 3 else light
            draw.rectangle((x, cy + 195 - bar_height, x + 110, cy + 195), fill=shade)
    elif motif == "tablet":
        draw.rounded_rectangle((cx - 330, cy - 230, cx + 330, cy + 230), 36, fill=light)
        draw.rectangle((cx - 290, cy - 190, cx + 290, cy + 190), fill=tint)
        draw.arc((cx - 60, cy - 120, cx + 60, cy), 180, 360, fill=colour, width=22)
        draw.rounded_rectangle((cx - 90, cy - 60, cx + 90, cy + 110), 16, fill=colour)
    else:
        bubbles = (
            (cx - 380, cy - 200, light),
            (cx - 60, cy - 60, tint),
            (cx + 120, cy - 240, light),
        )
        for x, y, shade in bubbles:
            draw.rounded_rectangle((x, y, x + 280, y + 170), 40, fill=shade)
            draw.polygon((x + 60, y + 165, x + 120, y + 165, x + 50, y + 230), fill=shade)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
