"""Writes to the content site."""

from cms.services.demo import demo_material_links_ensure, demo_site_ensure
from cms.services.workflows import editorial_workflow_ensure

__all__ = ["demo_material_links_ensure", "demo_site_ensure", "editorial_workflow_ensure"]
