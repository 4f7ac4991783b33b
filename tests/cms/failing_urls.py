"""The site's URLs plus one view that fails, to see what a visitor gets on an error."""

from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    return 1 / 0


urlpatterns = [path("kapot/", failing_view), *site_urlpatterns]
