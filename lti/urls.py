from django.urls import path

from lti.views import launch, picker, registration, viewer

app_name = "lti"

urlpatterns = [
    path("login/", launch.login, name="login"),
    path("launch/", launch.launch, name="launch"),
    path("jwks/", launch.jwks, name="jwks"),
    path("register/", registration.register, name="register"),
    path("kiezen/<str:launch_id>/", picker.picker, name="picker"),
    path("bekijken/<str:launch_id>/", viewer.viewer, name="viewer"),
    path("arrangement/<str:launch_id>/", viewer.collection_viewer, name="collection_viewer"),
    path(
        "arrangement/<str:launch_id>/leermiddel/<int:material_id>/",
        viewer.collection_material_viewer,
        name="collection_material_viewer",
    ),
]
