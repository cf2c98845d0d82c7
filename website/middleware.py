"""Lets a shared cache or CDN keep anonymous public pages.

Anonymous visitors get no cookies, so their pages are the same for everyone. A response
that sets a cookie, or that was made for a signed-in user, stays private.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/cuenta/", "/en/cuenta/", "/health/")


class PublicCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._is_public(request, response):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
            # The URL alone decides the language (/ is Spanish, /en/ English), so a shared cache
            # need not keep one copy per Accept-Language header.
            _drop_vary(response, "Accept-Language")
        return response

    @staticmethod
    def _is_public(request, response) -> bool:
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return False
        if response.cookies or response.has_header("Cache-Control"):
            return False
        if request.path.startswith(PRIVATE_PREFIXES) or request.path.startswith(settings.STATIC_URL):
            return False
        # A visitor with a session cookie may be signed in: their page is theirs alone.
        return not request.COOKIES.get(settings.SESSION_COOKIE_NAME)


def _drop_vary(response, header: str) -> None:
    if not response.has_header("Vary"):
        return
    kept = [value.strip() for value in response["Vary"].split(",") if value.strip().lower() != header.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
