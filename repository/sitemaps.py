"""Sitemap entries of the repository: published materials and public collections.

Drafts, withdrawn materials and unlisted or private collections stay out.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import translation

from repository.models import Collection, Material


class CollectionSitemap(Sitemap):
    def items(self):
        return Collection.objects.public().order_by("pk").only("pk", "updated_at")

    def location(self, collection: Collection) -> str:
        # The Dutch address is the canonical one, whatever language the crawler asks for.
        with translation.override(settings.LANGUAGE_CODE):
            return collection.get_absolute_url()

    def lastmod(self, collection: Collection):
        return collection.updated_at


class MaterialSitemap(Sitemap):
    def items(self):
        return Material.objects.published().order_by("pk").only("pk", "last_published_at")

    def location(self, material: Material) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return material.get_absolute_url()

    def lastmod(self, material: Material):
        return material.last_published_at
