from wagtail.models import Locale, Site


def site_menu(request):
    """Give templates the pages shown in the main menu, in the current language."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_menu_pages": []}
    root = site.root_page.localized
    pages = root.get_children().live().in_menu().public().filter(locale=Locale.get_active())
    return {"site_menu_pages": pages}
