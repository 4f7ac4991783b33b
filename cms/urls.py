from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.feeds import NewsAtomFeed, NewsRssFeed
from cms.views import healthz, site_search
from repository.sitemaps import CollectionSitemap, MaterialSitemap

# An outage raised outside a view (in middleware) still gets the 503 page.
handler500 = "cms.unavailable.server_error"

# Private and machine-facing URLs: never translated, never cached publicly.
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("oai", include("metadata.urls")),
    path("api/v1/", include("metadata.api.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("lti/", include("lti.urls")),
    path(
        "sitemap.xml",
        sitemap,
        {
            "sitemaps": {
                "wagtail": WagtailSitemap,
                "leermiddelen": MaterialSitemap,
                "arrangementen": CollectionSitemap,
            }
        },
        name="sitemap",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Dutch at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("account/profiel/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path("leermiddelen/", include("repository.urls")),
    path("zoeken/", site_search, name="site_search"),
    path("nieuws/rss/", NewsRssFeed(), name="news_feed_rss"),
    path("nieuws/atom/", NewsAtomFeed(), name="news_feed_atom"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
