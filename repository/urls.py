from django.urls import path

from repository.views import files

app_name = "repository"

urlpatterns = [
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
