from django.urls import path

from repository.views import bin as bin_views
from repository.views import browse, dashboard, detail, diffs, edit, feedback, files, remix, upload
from repository.views import collections as collection_views

app_name = "repository"

urlpatterns = [
    path("", browse.material_browse, name="material_browse"),
    path("nieuw/", upload.material_upload, name="material_upload"),
    path("mijn/", dashboard.my_materials, name="my_materials"),
    path("mijn/prullenbak/", bin_views.material_bin, name="material_bin"),
    path(
        "mijn/prullenbak/<int:pk>/terugzetten/",
        bin_views.material_restore,
        name="material_restore",
    ),
    path(
        "mijn/prullenbak/arrangementen/<int:pk>/terugzetten/",
        bin_views.collection_restore,
        name="collection_restore",
    ),
    path("kerndoelen/", edit.curriculum_goal_search, name="curriculum_goal_search"),
    path("arrangementen/", collection_views.collection_list, name="collection_list"),
    path("arrangementen/nieuw/", collection_views.collection_create, name="collection_create"),
    path(
        "arrangementen/toevoegen/<int:material_pk>/",
        collection_views.collection_add_from_material,
        name="collection_add_from_material",
    ),
    path("arrangementen/<int:pk>/", collection_views.collection_detail, name="collection_detail"),
    path(
        "arrangementen/<int:pk>/bewerken/",
        collection_views.collection_edit,
        name="collection_edit",
    ),
    path(
        "arrangementen/<int:pk>/onderdelen/<int:item_pk>/",
        collection_views.collection_item_change,
        name="collection_item_change",
    ),
    path(
        "arrangementen/<int:pk>/onderdelen/kop/",
        collection_views.collection_section_add,
        name="collection_section_add",
    ),
    path(
        "arrangementen/<int:pk>/onderdelen/leermiddel/",
        collection_views.collection_material_add,
        name="collection_material_add",
    ),
    path(
        "arrangementen/<int:pk>/download.zip",
        collection_views.collection_zip,
        name="collection_zip",
    ),
    path("arrangementen/<int:pk>/kopie/", collection_views.collection_copy, name="collection_copy"),
    path(
        "arrangementen/<int:pk>/verwijderen/",
        collection_views.collection_delete,
        name="collection_delete",
    ),
    path("<int:pk>/", detail.material_detail, name="material_detail"),
    path("<int:pk>/bewerken/", edit.material_edit, name="material_edit"),
    path("<int:pk>/bewerk-een-kopie/", remix.material_remix, name="material_remix"),
    path(
        "<int:pk>/bron-van-bewerking/", remix.material_add_as_source, name="material_add_as_source"
    ),
    path("<int:pk>/intrekken/", dashboard.material_withdraw_confirm, name="material_withdraw"),
    path("<int:pk>/verwijderen/", bin_views.material_delete_confirm, name="material_delete"),
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
    path("<int:pk>/v<int:version>/verschil/", diffs.version_changes, name="version_changes"),
    path("<int:pk>/concept/verschil/", diffs.draft_changes, name="draft_changes"),
    path(
        "<int:pk>/bronnen/<int:source_id>/verschil/",
        diffs.remix_changes,
        name="remix_changes",
    ),
    path(
        "<int:pk>/bronnen/<int:source_id>/update/",
        diffs.source_update_review,
        name="source_update",
    ),
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
