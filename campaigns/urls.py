"""Counting and download addresses. They carry no language prefix: the same file or counter
serves both languages (included from website/urls.py under /c/)."""

from django.urls import path, register_converter

from . import views


class IdConverter:
    """A positive whole number short enough for any database's integer column: a longer one
    would make SQLite raise OverflowError (a 500) instead of the 404 a bad id deserves."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(IdConverter, "dbid")

app_name = "campaigns"

urlpatterns = [
    path("visto/<dbid:campaign_id>/", views.view_beacon, name="view-beacon"),
    path("visto/<dbid:campaign_id>.gif", views.view_beacon, {"image": True}, name="view-beacon-image"),
    path("material/<dbid:material_id>/descargar/", views.material_download, name="material-download"),
    path("material/<dbid:material_id>/abrir/", views.material_open, name="material-open"),
    path("<dbid:campaign_id>/kit.zip", views.kit_download, name="kit-download"),
]
