from django import template
from django.conf import settings

from wagtail.models import Page, Site

from website.i18n import language_switch_links
from website.models import HomePage
from website.vocabularies import AGE_BAND_SHORT_LABELS, AgeBand, Audience

register = template.Library()

NAVIGATION_SECTIONS = ("guide_library", "courses_page", "campaigns_page")


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to this same page in every language."""
    request = context.get("request")
    page = context.get("page")
    links = language_switch_links(request, page if isinstance(page, Page) else None) if request else []
    return {"language_links": links}


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang alternates for search engines (same data as the language switch)."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    return language_switch_links(request, page if isinstance(page, Page) else None)


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's chosen sections, plus the home page itself. Read once per request."""
    request = context.get("request")
    if request is None:
        return {}
    cached = getattr(request, "_main_navigation", None)
    if cached is not None:
        return cached
    navigation = {"home": None, "sections": []}
    site = Site.find_for_request(request)
    if site is not None:
        home = HomePage.objects.select_related(*NAVIGATION_SECTIONS).filter(pk=site.root_page_id).first()
        navigation["home"] = home or site.root_page
        for name in NAVIGATION_SECTIONS if home else ():
            section = getattr(home, name)
            if section is not None and section.live:
                navigation["sections"].append(section)
    request._main_navigation = navigation
    return navigation


@register.filter
def audience_label(value):
    return Audience(value).label if value in Audience.values else ""


@register.filter
def audience_labels(values):
    """The labels of a list of audiences, joined for a sentence: "Familias, Docentes"."""
    return ", ".join(str(audience_label(value)) for value in values or [] if value in Audience.values)


@register.filter
def age_band_label(value):
    return AgeBand(value).label if value in AgeBand.values else ""


@register.filter
def age_band_short(value):
    return AGE_BAND_SHORT_LABELS.get(value, "") if value in AgeBand.values else ""


@register.simple_tag
def site_name():
    return settings.SITE_NAME
