from django.urls import path

from repository.views import browse, dashboard, detail, edit, feedback, files, upload

app_name = "repository"

urlpatterns = [
    path("", browse.material_browse, name="material_browse"),
    path("nieuw/", upload.material_upload, name="material_upload"),
    path("mijn/", dashboard.my_materials, name="my_materials"),
    path("kerndoelen/", edit.curriculum_goal_search, name="curriculum_goal_search"),
    path("<int:pk>/", detail.material_detail, name="material_detail"),
    path("<int:pk>/bewerken/", edit.material_edit, name="material_edit"),
    path("<int:pk>/intrekken/", dashboard.material_withdraw_confirm, name="material_withdraw"),
    path("<int:pk>/ervaring/", feedback.teacher_feedback, name="feedback_teacher"),
    path("<int:pk>/ervaring/kort/", feedback.public_feedback, name="feedback_public"),
    path("<int:pk>/melden/", feedback.report_problem, name="report_problem"),
    path("<int:pk>/bestanden/toevoegen/", upload.material_file_add, name="material_file_add"),
    path(
        "<int:pk>/bestanden/<int:stored_file_id>/verwijderen/",
        edit.material_file_remove,
        name="material_file_remove",
    ),
    path(
        "<int:pk>/v<int:version>/bestanden/<int:file_id>/",
        files.file_download,
        name="file_download",
    ),
    path(
        "<int:pk>/v<int:version>/bestanden/<int:file_id>/voorbeeld/",
        files.file_preview,
        name="file_preview",
    ),
    path("<int:pk>/v<int:version>/download.zip", files.version_zip_download, name="version_zip"),
    path(
        "<int:pk>/concept/bestanden/<int:stored_file_id>/",
        files.draft_file_download,
        name="draft_file_download",
    ),
    path(
        "<int:pk>/concept/bestanden/<int:stored_file_id>/voorbeeld/",
        files.draft_file_preview,
        name="draft_file_preview",
    ),
]
