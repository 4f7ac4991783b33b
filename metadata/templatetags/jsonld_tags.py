"""Template tags that embed schema.org JSON-LD in public pages."""

from django import template
from django.utils.safestring import SafeString

from metadata.serializers.jsonld import jsonld_script, material_jsonld
from metadata.serializers.material_facts import material_based_on

register = template.Library()


@register.simple_tag(takes_context=True, name="material_jsonld")
def material_jsonld_tag(context, material) -> SafeString:
    """Render the material's LearningResource as a JSON-LD script element."""
    return jsonld_script(
        material_jsonld(material, context.get("request"), based_on=material_based_on(material))
    )
