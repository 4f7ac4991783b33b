from django.urls import path

from repository.views import dashboard, detail, edit, files, upload

app_name = "repository"

urlpatterns = [
    path("nieuw/", upload.material_upload, name="material_upload"),
    path("mijn/", dashboard.my_materials, name="my_materials"),
    path("kerndoelen/", edit.curriculum_goal_search, name="curriculum_goal_search"),
    path("<int:pk>/", detail.material_detail, name="material_detail"),
    path("<int:pk>/bewerken/", edit.material_edit, name="material_edit"),
    path("<int:pk>/intrekken/", dashboard.material_withdraw_confirm, name="material_withdraw"),
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
        "<int:pk>/concept/bestanden/<int:stored_file_id>/",
        files.draft_file_download,
        name="draft_file_download",
    ),
]
