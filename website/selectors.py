"""Reads that the site shell needs."""

from wagtail.models import Page


def site_search(*, query: str):
    """Published, public pages matching the query; the search backend ranks them."""
    return Page.objects.live().public().specific().search(query, operator="and")
