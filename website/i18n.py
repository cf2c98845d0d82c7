"""Helpers for the site's two languages (Spanish at /, English under /en/)."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.search import index


def translated_search_fields(*names: str, boost: float | None = None) -> list:
    """Index every language's copy of the named fields: "niña" and "girl" both find a guide.

    Wagtail indexes in whatever language is active when a page is saved, so indexing the
    plain field name would index only that language.
    """
    options = {"boost": boost} if boost else {}
    return [index.SearchField(f"{name}_{code}", **options) for name in names for code, _label in settings.LANGUAGES]


def language_switch_links(request, page=None) -> list[dict]:
    """One link per language that keeps the reader on the same page (or view, with its query)."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    links = []
    for code, label in settings.LANGUAGES:
        if page is not None:
            with translation.override(code):
                url = page.get_url(request=request) or "/"
            if request.GET:
                # Filters and the page number mean the same in both languages: keep them.
                url = f"{url}?{request.GET.urlencode()}"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "label": LANGUAGE_NAMES.get(code, label), "url": url, "current": code == current})
    return links


# Each language's own name, so a reader can always find theirs.
LANGUAGE_NAMES = {"es": "Español", "en": "English"}
