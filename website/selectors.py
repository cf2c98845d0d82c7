"""Reads that the site shell needs."""

from wagtail.models import Page


def site_search(*, query: str):
    """Published, public pages matching the query; the search backend ranks them."""
    # The SQLite search backend wraps each word in double quotes without escaping them, so a
    # stray quote is an FTS5 syntax error (a 500). A plain-text query gives quotes no meaning.
    query = query.replace('"', " ").strip()
    if not query:
        return Page.objects.none()
    return Page.objects.live().public().specific().search(query, operator="and")
