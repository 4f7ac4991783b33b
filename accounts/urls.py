from django.urls import path

from accounts.views.profile import profile

app_name = "accounts"

urlpatterns = [
    path("", profile, name="profile"),
]
