"""RSS 2.0 and Atom feeds of the alliance's news, optionally narrowed by sector and theme."""

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from cms import selectors
from cms.forms import ListingFilterForm
from cms.models import NewsIndexPage, NewsPage
from metadata.models import Concept


@dataclass(frozen=True)
class NewsFeedQuery:
    request: object
    locale: Locale
    index: Page | None
    sector: Concept | None
    theme: Concept | None


class NewsRssFeed(Feed):
    """The newest live news items in the current language."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        locale = Locale.get_active()
        sector, theme = ListingFilterForm(request.GET).chosen()
        index = NewsIndexPage.objects.live().public().filter(locale=locale).first()
        return NewsFeedQuery(
            request=request, locale=locale, index=index, sector=sector, theme=theme
        )

    def title(self, query: NewsFeedQuery) -> str:
        title = _("Nieuws van de Nederlandse Leermiddelen Kwaliteitsalliantie")
        chosen = [concept.label for concept in (query.sector, query.theme) if concept]
        return f"{title}: {', '.join(chosen)}" if chosen else title

    def description(self, query: NewsFeedQuery) -> str:
        return _("Wat de alliantie doet, besluit en onderzoekt.")

    def link(self, query: NewsFeedQuery) -> str:
        if query.index is not None:
            return query.index.get_url(request=query.request)
        return "/"

    def feed_url(self, query: NewsFeedQuery) -> str:
        return query.request.get_full_path()

    def items(self, query: NewsFeedQuery):
        return selectors.news_for_feed(
            locale_id=query.locale.pk, sector=query.sector, theme=query.theme
        )

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.summary

    def item_link(self, item: NewsPage) -> str:
        return item.get_url()

    def item_pubdate(self, item: NewsPage) -> datetime:
        # The news date is a calendar day; the feed needs a moment on it.
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_updateddate(self, item: NewsPage) -> datetime:
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item: NewsPage) -> list[str]:
        return [concept.label for concept in (*item.sectors.all(), *item.themes.all())]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, query: NewsFeedQuery) -> str:
        return self.description(query)
