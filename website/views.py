"""Thin views: search, health checks and the error pages."""

import logging

from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .models.settings import DEFAULT_QUICK_EXIT_URL
from .selectors import site_search

logger = logging.getLogger(__name__)
SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over published pages, in the reader's language."""
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    results_page = None
    total = 0
    if query:
        paginator = Paginator(site_search(query=query), SEARCH_RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("pagina"))
        total = paginator.count
    return render(
        request,
        "website/search.html",
        {"search_query": query, "results": results_page, "total": total, "page_title": _("Buscar")},
    )


ROBOTS_DISALLOW = [
    "/admin/",
    "/django-admin/",
    "/cuenta/",
    "/en/cuenta/",
    "/mi-aprendizaje/",
    "/en/mi-aprendizaje/",
    "/c/",
]


def robots_txt(request):
    """Search engines may index public material, never accounts, the admin or counting URLs."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def spanish_prefix_redirect(request, rest: str = ""):
    """Spanish lives at / without a prefix; a typed or old /es/ address goes there."""
    query = request.META.get("QUERY_STRING", "")
    # Leading slashes would make "//other.host": always stay on this site.
    return HttpResponsePermanentRedirect(f"/{rest.lstrip('/')}" + (f"?{query}" if query else ""))


@never_cache
def liveness(request):
    """Answers as long as the process is up."""
    return JsonResponse({"status": "ok"})


@never_cache
def readiness(request):
    """503 when the database cannot be reached, so a load balancer stops sending traffic."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready", whatever its kind
        logger.warning("Readiness check failed: database unreachable", exc_info=True)
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception=None):
    return render(request, "404.html", {"page_title": _("Página no encontrada")}, status=404)


def server_error(request):
    # Rendered without the request, so no context processor touches a database that may be down.
    # The quick exit's editable destination lives in the database, so this page uses the default.
    context = {"quick_exit_url": DEFAULT_QUICK_EXIT_URL}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
