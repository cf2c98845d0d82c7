"""Counting and download addresses. They carry no language prefix: the same file or counter
serves both languages (included from website/urls.py under /c/)."""

from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("visto/<int:campaign_id>/", views.view_beacon, name="view-beacon"),
    path("visto/<int:campaign_id>.gif", views.view_beacon, {"image": True}, name="view-beacon-image"),
    path("material/<int:material_id>/descargar/", views.material_download, name="material-download"),
    path("material/<int:material_id>/abrir/", views.material_open, name="material-open"),
    path("<int:campaign_id>/kit.zip", views.kit_download, name="kit-download"),
]
