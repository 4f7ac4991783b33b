from django.urls import path

from accounts.views.admin import reviewer_roles

app_name = "accounts_admin"

urlpatterns = [
    path("beoordelaars/", reviewer_roles, name="reviewer_roles"),
]
