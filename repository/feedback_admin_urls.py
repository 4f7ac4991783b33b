from django.urls import path

from repository.views import feedback_admin

app_name = "repository_feedback_admin"

urlpatterns = [
    path("meldingen/", feedback_admin.report_list, name="report_list"),
    path("meldingen/<int:pk>/", feedback_admin.report_detail, name="report_detail"),
    path("ervaringen/", feedback_admin.feedback_list, name="feedback_list"),
    path(
        "ervaringen/<int:pk>/controleren/",
        feedback_admin.feedback_moderate_action,
        name="feedback_moderate",
    ),
    path("exports/", feedback_admin.export_index, name="exports"),
    path("exports/<slug:kind>.csv", feedback_admin.export_csv, name="export_csv"),
]
