from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, to_locale

from wagtail.models import Locale, Site

register = template.Library()

SHARE_IMAGE = "fill-1200x630"


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Link to this page in each other language: the page's translation, or the same path."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url = None
        if page is not None and hasattr(page, "get_translation_or_none"):
            locale = Locale.objects.filter(language_code=code).first()
            translation = page.get_translation_or_none(locale) if locale else None
            if translation is not None and translation.live:
                url = translation.get_url(request)
        if url is None:
            url = translate_url(request.path, code)
        links.append({"code": code, "name": name, "url": url})
    return {"links": links}


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Describe the page for search engines and link previews (Open Graph)."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {"meta": None}
    meta = {
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "locale": to_locale(get_language() or settings.LANGUAGE_CODE),
        "type": "website",
        "title": context.get("meta_title", ""),
        "description": context.get("meta_description", ""),
        "url": request.build_absolute_uri(request.path),
        "image": None,
        "image_alt": "",
        "published": None,
    }
    if page is not None and hasattr(page, "get_meta_description"):
        meta.update(
            type=page.og_type,
            title=page.seo_title or page.title,
            description=page.get_meta_description(),
            url=request.build_absolute_uri(page.get_url(request)),
            published=page.first_published_at if page.og_type == "article" else None,
        )
        image = page.get_share_image()
        if image is not None:
            rendition = image.get_rendition(SHARE_IMAGE)
            meta.update(
                image=request.build_absolute_uri(rendition.url), image_alt=image.description
            )
    return {"meta": meta}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current_title=""):
    """Show the way from the home page to this page; nothing on the home page itself."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {"ancestors": [], "current_title": ""}
    if page is not None:
        site = Site.find_for_request(request)
        home = site.root_page.localized if site else None
        if home is None or page.pk == home.pk or not page.is_descendant_of(home):
            return {"ancestors": [], "current_title": ""}
        ancestors = page.get_ancestors().filter(depth__gte=home.depth).live()
        return {"ancestors": ancestors, "current_title": page.title}
    site = Site.find_for_request(request)
    if site is None or not current_title:
        return {"ancestors": [], "current_title": ""}
    return {"ancestors": [site.root_page.localized], "current_title": current_title}


@register.filter
def in_section(page, section) -> bool:
    """Return True when the page lies under the section page (not the section itself)."""
    if page is None or section is None or not hasattr(page, "path"):
        return False
    return page.path != section.path and page.path.startswith(section.path)


@register.filter
def verbose_name(obj) -> str:
    """Return what kind of thing the object is, in the interface language."""
    return str(obj._meta.verbose_name)


@register.filter
def summary(page) -> str:
    """Return the page's plain-text summary for a listing."""
    if hasattr(page, "get_meta_description"):
        return page.get_meta_description()
    return page.search_description
