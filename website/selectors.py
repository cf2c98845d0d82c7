"""Reads that the site shell needs."""

from wagtail.models import Page


def site_search(*, query: str):
    """Published, public pages matching the query; the search backend ranks them."""
    # The SQLite search backend wraps each word in double quotes without escaping them, so a
    # stray quote is an FTS5 syntax error (a 500). A plain-text query gives quotes no meaning.
    query = query.replace('"', " ").strip()
    # A NUL or other control character is a database error on SQLite and PostgreSQL alike.
    query = "".join(char if char.isprintable() else " " for char in query).strip()
    if not query:
        return Page.objects.none()
    return Page.objects.live().public().specific().search(query, operator="and")


def live_pages_in_order(page_ids) -> list[Page]:
    """The live, public pages with these ids, as their specific type, in the given order.

    One query per page type instead of one per page (chosen "related" and "featured" pages).
    """
    page_ids = list(page_ids)
    pages = {page.pk: page for page in Page.objects.live().public().filter(pk__in=page_ids).specific()}
    return [pages[pk] for pk in page_ids if pk in pages]
