from django.urls import path, re_path

from metadata.api import views

app_name = "api"

urlpatterns = [
    path("", views.api_index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("materials/", views.material_list, name="material_list"),
    path("materials/<int:pk>/", views.material_detail, name="material_detail"),
    path("collections/", views.collection_list, name="collection_list"),
    path("collections/<int:pk>/", views.collection_detail, name="collection_detail"),
    # Anything else under /api/v1/ answers in the API's own error shape, not an HTML page.
    re_path(r"^(?P<path>.*/)?$", views.unknown_path, name="unknown"),
]
