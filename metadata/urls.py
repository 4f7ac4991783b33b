from django.urls import path

from metadata.oai.views import oai_endpoint

app_name = "metadata"

urlpatterns = [
    path("", oai_endpoint, name="oai"),
]
