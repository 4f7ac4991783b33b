from django.urls import path

from repository.views.admin import stored_files, take_down

app_name = "repository_admin"

urlpatterns = [
    path("", stored_files, name="stored_files"),
    path("<int:pk>/verwijderen/", take_down, name="take_down"),
]
