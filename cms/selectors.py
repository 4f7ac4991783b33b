"""Reads for the content site: listings, the home page, search."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

from wagtail.images import get_image_model
from wagtail.models import Page

from cms.models import BestPracticeIndexPage, BestPracticePage, NewsIndexPage, NewsPage
from cms.page_cache import generation_cached
from metadata.models import LEVELS, SECTORS, Concept
from repository.models import Material

LISTING_IMAGE = "fill-640x360"
HOME_ITEMS = 3
FEED_ITEMS = 20

# Which top-level educational levels (OBK) make up each sector of the alliance.
SECTOR_LEVELS = {
    "po": ("po", "sbao"),
    "vo": ("vo",),
    "so-vso": ("so", "vso"),
    "pro": ("pro",),
}


def paginate(items, page_number, per_page: int) -> PaginatorPage:
    """Return one page of the items; an unknown page number gives the nearest valid page.

    The page carries `elided_page_range`: the page numbers to link to, with gaps.
    """
    paginator = Paginator(items, per_page)
    page = paginator.get_page(page_number)
    page.elided_page_range = list(
        paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    return page


def _with_listing_image(queryset: QuerySet) -> QuerySet:
    images = get_image_model().objects.prefetch_renditions(LISTING_IMAGE)
    return queryset.prefetch_related(Prefetch("image", queryset=images))


def news_visible() -> QuerySet[NewsPage]:
    """Return the news items anyone may read, newest first."""
    return NewsPage.objects.live().public().order_by("-date", "-first_published_at", "-pk")


def news_for_index(
    index: Page, *, sector: Concept | None = None, theme: Concept | None = None
) -> QuerySet[NewsPage]:
    """Return the index's visible news items about the sector and the theme, when given."""
    items = news_visible().child_of(index)
    if sector is not None:
        items = items.filter(sectors=sector)
    if theme is not None:
        items = items.filter(themes=theme)
    return _with_listing_image(items.prefetch_related("sectors", "themes"))


def news_for_feed(
    *, locale_id: int, sector: Concept | None = None, theme: Concept | None = None
) -> QuerySet[NewsPage]:
    """Return the newest visible news items in a language, for the RSS and Atom feeds."""
    items = news_visible().filter(locale_id=locale_id)
    if sector is not None:
        items = items.filter(sectors=sector)
    if theme is not None:
        items = items.filter(themes=theme)
    return items.prefetch_related("sectors", "themes")[:FEED_ITEMS]


def news_latest(*, locale_id: int, limit: int = HOME_ITEMS) -> list[NewsPage]:
    items = news_visible().filter(locale_id=locale_id).prefetch_related("sectors", "themes")
    return list(_with_listing_image(items)[:limit])


def best_practices_visible() -> QuerySet[BestPracticePage]:
    return (
        BestPracticePage.objects.live()
        .public()
        .select_related("sector", "theme")
        .order_by("-first_published_at", "-pk")
    )


def best_practices_for_index(
    index: Page, *, sector: Concept | None = None, theme: Concept | None = None
) -> QuerySet[BestPracticePage]:
    """Return the index's visible best practices in the sector and on the theme, when given."""
    items = best_practices_visible().child_of(index)
    if sector is not None:
        items = items.filter(sector=sector)
    if theme is not None:
        items = items.filter(theme=theme)
    return _with_listing_image(items)


def best_practices_featured(*, locale_id: int, limit: int = HOME_ITEMS) -> list[BestPracticePage]:
    """Return the newest best practices that editors chose to feature on the home page."""
    items = best_practices_visible().filter(locale_id=locale_id, featured=True)
    return list(_with_listing_image(items)[:limit])


def home_sections(home: Page) -> dict[str, Page]:
    """Return the home page's live news and best-practice sections, by name, in one query."""
    models = {"news": NewsIndexPage, "best_practices": BestPracticeIndexPage}
    content_types = {
        ContentType.objects.get_for_model(model).pk: name for name, model in models.items()
    }
    sections = {}
    for page in Page.objects.child_of(home).live().filter(content_type__in=content_types):
        sections.setdefault(content_types[page.content_type_id], page)
    return sections


def best_practice_materials(page: BestPracticePage) -> list[Material]:
    """Return the published materials a best practice links to, in the editor's order."""
    links = sorted(page.material_links.all(), key=lambda link: link.sort_order or 0)
    ids = [link.material_id for link in links]
    found = Material.objects.published().prefetch_related("levels").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def materials_featured(*, limit: int = HOME_ITEMS) -> list[Material]:
    """Return materials for the home page: for now, the most recently published ones."""
    return list(
        Material.objects.published()
        .prefetch_related("levels", "subjects")
        .order_by("-updated_at", "-pk")[:limit]
    )


@dataclass(frozen=True)
class SectorCount:
    sector: Concept
    count: int


@dataclass(frozen=True)
class MaterialNumbers:
    total: int
    per_sector: list[SectorCount]


def material_numbers() -> MaterialNumbers:
    """Count published materials in total and per sector, kept until the catalogue changes.

    Counting reads every published material; the numbers are the same for every visitor.
    """
    return generation_cached("material-numbers", _material_numbers_count)


def _material_numbers_count() -> MaterialNumbers:
    """Count published materials in total and per sector, in three queries.

    A material counts once for each sector that one of its levels, or a broader level,
    belongs to.
    """
    sectors = list(Concept.objects.active().in_scheme(SECTORS).order_by("sort_order"))
    parent_of = {}
    notation_of = {}
    for pk, parent_id, notation in Concept.objects.in_scheme(LEVELS).values_list(
        "pk", "parent_id", "notation"
    ):
        parent_of[pk] = parent_id
        notation_of[pk] = notation

    def top_level(pk: int) -> str:
        seen = set()
        while parent_of.get(pk) is not None and pk not in seen:
            seen.add(pk)
            pk = parent_of[pk]
        return notation_of[pk]

    levels_in = {
        sector.identifier: [
            pk for pk in parent_of if top_level(pk) in SECTOR_LEVELS.get(sector.identifier, ())
        ]
        for sector in sectors
    }
    counted = [
        (index, sector) for index, sector in enumerate(sectors) if levels_in[sector.identifier]
    ]
    counts = Material.objects.published().aggregate(
        total=Count("pk", distinct=True),
        **{
            f"sector_{index}": Count(
                "pk", filter=Q(levels__in=levels_in[sector.identifier]), distinct=True
            )
            for index, sector in counted
        },
    )
    return MaterialNumbers(
        total=counts["total"],
        per_sector=[
            SectorCount(sector=sector, count=counts.get(f"sector_{index}", 0))
            for index, sector in enumerate(sectors)
        ],
    )


def pages_search(query: str, *, locale_id: int):
    """Return the visible pages in a language that match the query, best match first."""
    return (
        Page.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .exclude(depth=1)
        .specific()
        .search(query)
    )
