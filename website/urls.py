from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from website import views

handler404 = "website.views.page_not_found"
handler500 = "website.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documentos/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    re_path(r"^es/(?P<rest>.*)$", views.spanish_prefix_redirect),
    path("health/live/", views.liveness, name="health-live"),
    path("health/ready/", views.readiness, name="health-ready"),
    path("i/<str:signature>/<int:image_id>/<str:filter_spec>/", ServeView.as_view(), name="wagtailimages_serve"),
    path("c/", include("campaigns.urls")),
]

if settings.SERVE_MEDIA_FILES:
    # Uploaded files from local disk when no object storage is configured (see README).
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Spanish at / without a prefix or redirect; English under /en/.
urlpatterns += i18n_patterns(
    path("buscar/", views.search, name="search"),
    path("", include("education.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
