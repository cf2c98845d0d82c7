"""Reads of the campaigns app: the filtered listing, a campaign page's details and share links.

Filters come from the URL and are never trusted: unknown values are dropped and a bad page
number falls back to a valid page. Reach figures are in `campaigns.reach`.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.images.models import SourceImageIOError

from website.facets import (
    FilterOption,
    any_of,
    choice_options,
    known_values,
    topic_options,
    with_any_topic,
)
from website.models import Municipality, Topic
from website.selectors import live_pages_in_order
from website.vocabularies import AgeBand, Audience

from .models import CampaignIndexPage, CampaignKit, CampaignMaterial, CampaignPage, CampaignStatus
from .models.materials import SOCIAL_RENDITIONS, restricted_collection_paths

MUNICIPALITY_PARAM = "municipio"
AUDIENCE_PARAM = "publico"
AGE_BAND_PARAM = "edad"
TOPIC_PARAM = "tema"
STATUS_PARAM = "estado"
PAGE_PARAM = "pagina"


@dataclass(frozen=True)
class CampaignFilters:
    municipality: str = ""
    audiences: tuple[str, ...] = ()
    age_bands: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    status: str = ""

    @property
    def active(self) -> bool:
        return bool(self.municipality or self.audiences or self.age_bands or self.topics or self.status)

    def as_query_items(self) -> list[tuple[str, str]]:
        return (
            ([(MUNICIPALITY_PARAM, self.municipality)] if self.municipality else [])
            + [(AUDIENCE_PARAM, v) for v in self.audiences]
            + [(AGE_BAND_PARAM, v) for v in self.age_bands]
            + [(TOPIC_PARAM, v) for v in self.topics]
            + ([(STATUS_PARAM, self.status)] if self.status else [])
        )


@dataclass
class CampaignListing:
    filters: CampaignFilters
    today: datetime.date
    current: list[CampaignPage]
    upcoming: list[CampaignPage]
    concluded: PaginatorPage
    total: int
    municipality_options: list[FilterOption] = field(default_factory=list)
    audience_options: list[FilterOption] = field(default_factory=list)
    age_band_options: list[FilterOption] = field(default_factory=list)
    topic_options: list[FilterOption] = field(default_factory=list)
    status_options: list[FilterOption] = field(default_factory=list)
    municipality_name: str = ""
    query_string: str = ""


def campaign_filters_from_query(query, *, topic_slugs, municipality_codes) -> CampaignFilters:
    """Keep only known values, in vocabulary order, each once."""

    municipality = (query.get(MUNICIPALITY_PARAM) or "").strip()
    status = (query.get(STATUS_PARAM) or "").strip()
    return CampaignFilters(
        municipality=municipality if municipality in municipality_codes else "",
        audiences=known_values(query, AUDIENCE_PARAM, Audience.values),
        age_bands=known_values(query, AGE_BAND_PARAM, AgeBand.values),
        topics=known_values(query, TOPIC_PARAM, topic_slugs),
        status=status if status in CampaignStatus.values else "",
    )


def campaign_list(*, index_page: CampaignIndexPage | None = None) -> QuerySet[CampaignPage]:
    """Live, public campaigns (under the index when given)."""
    campaigns = CampaignPage.objects.live().public()
    if index_page is not None:
        campaigns = campaigns.descendant_of(index_page)
    return campaigns


def campaigns_with_status(queryset, *, status: str, today: datetime.date) -> QuerySet[CampaignPage]:
    """Campaigns that are current, upcoming or concluded on `today`."""
    if status == CampaignStatus.CURRENT:
        return queryset.filter(start_date__lte=today, end_date__gte=today).order_by("end_date", "pk")
    if status == CampaignStatus.UPCOMING:
        return queryset.filter(start_date__gt=today).order_by("start_date", "pk")
    if status == CampaignStatus.CONCLUDED:
        return queryset.filter(end_date__lt=today).order_by("-end_date", "pk")
    return queryset


def campaigns_in_municipality(queryset, *, cvegeo: str) -> QuerySet[CampaignPage]:
    """Campaigns that run in every municipality or name this one."""
    named = CampaignPage.municipalities.through.objects.filter(municipality__cvegeo=cvegeo).values("campaignpage_id")
    return queryset.filter(Q(targets_all_municipalities=True) | Q(pk__in=named))


def _filtered(queryset, filters: CampaignFilters, *, today, skip: str = "") -> QuerySet[CampaignPage]:
    """Any selected value within a dimension, every dimension at once."""
    if filters.municipality and skip != MUNICIPALITY_PARAM:
        queryset = campaigns_in_municipality(queryset, cvegeo=filters.municipality)
    if filters.audiences and skip != AUDIENCE_PARAM:
        queryset = queryset.filter(any_of("audiences", filters.audiences))
    if filters.age_bands and skip != AGE_BAND_PARAM:
        queryset = queryset.filter(any_of("age_bands", filters.age_bands))
    if filters.topics and skip != TOPIC_PARAM:
        queryset = with_any_topic(queryset, filters.topics)
    if filters.status and skip != STATUS_PARAM:
        queryset = campaigns_with_status(queryset, status=filters.status, today=today)
    return queryset


def _status_options(base, *, today, selected: str) -> list[FilterOption]:
    counts = base.aggregate(
        current=Count("pk", filter=Q(start_date__lte=today, end_date__gte=today)),
        upcoming=Count("pk", filter=Q(start_date__gt=today)),
        concluded=Count("pk", filter=Q(end_date__lt=today)),
    )
    by_status = {
        CampaignStatus.CURRENT: counts["current"],
        CampaignStatus.UPCOMING: counts["upcoming"],
        CampaignStatus.CONCLUDED: counts["concluded"],
    }
    return [FilterOption(value, label, by_status[value], value == selected) for value, label in CampaignStatus.choices]


def campaign_listing(
    *, index_page: CampaignIndexPage, query, today: datetime.date | None = None, per_page: int = 12
) -> CampaignListing:
    """Current and upcoming campaigns, and a page of concluded ones, matching the URL's filters,
    with a count beside every filter option. The number of queries does not grow with the
    number of campaigns."""
    today = today or timezone.localdate()
    topics = list(Topic.objects.all())
    municipalities = list(Municipality.objects.only("cvegeo", "name").order_by("name"))
    filters = campaign_filters_from_query(
        query, topic_slugs=[t.slug for t in topics], municipality_codes={m.cvegeo for m in municipalities}
    )
    campaigns = campaign_list(index_page=index_page)
    results = _filtered(campaigns, filters, today=today).select_related("hero_image").prefetch_related("municipalities")

    show = {filters.status} if filters.status else set(CampaignStatus.values)
    current = (
        list(campaigns_with_status(results, status=CampaignStatus.CURRENT, today=today))
        if CampaignStatus.CURRENT in show
        else []
    )
    upcoming = (
        list(campaigns_with_status(results, status=CampaignStatus.UPCOMING, today=today))
        if CampaignStatus.UPCOMING in show
        else []
    )
    concluded_qs = (
        campaigns_with_status(results, status=CampaignStatus.CONCLUDED, today=today)
        if CampaignStatus.CONCLUDED in show
        else results.none()
    )
    concluded = Paginator(concluded_qs, max(1, per_page)).get_page(query.get(PAGE_PARAM))

    return CampaignListing(
        filters=filters,
        today=today,
        current=current,
        upcoming=upcoming,
        concluded=concluded,
        total=len(current) + len(upcoming) + concluded.paginator.count,
        municipality_options=[
            FilterOption(m.cvegeo, m.name, 0, m.cvegeo == filters.municipality) for m in municipalities
        ],
        audience_options=choice_options(
            _filtered(campaigns, filters, today=today, skip=AUDIENCE_PARAM),
            "audiences",
            Audience.choices,
            filters.audiences,
        ),
        age_band_options=choice_options(
            _filtered(campaigns, filters, today=today, skip=AGE_BAND_PARAM),
            "age_bands",
            AgeBand.choices,
            filters.age_bands,
        ),
        topic_options=topic_options(
            _filtered(campaigns, filters, today=today, skip=TOPIC_PARAM), topics, filters.topics
        ),
        status_options=_status_options(
            _filtered(campaigns, filters, today=today, skip=STATUS_PARAM), today=today, selected=filters.status
        ),
        municipality_name=next((m.name for m in municipalities if m.cvegeo == filters.municipality), ""),
        query_string=urlencode(filters.as_query_items()),
    )


# --- One campaign --------------------------------------------------------------------------


@dataclass
class MaterialLink:
    label: str
    url: str


@dataclass
class MaterialEntry:
    material: CampaignMaterial
    download_url: str
    open_url: str
    social_sizes: list[MaterialLink]


@dataclass
class CampaignDetails:
    status: CampaignStatus
    materials: list[MaterialEntry]
    kit: CampaignKit | None
    kit_url: str
    share_links: list[dict]
    page_url: str
    municipality_names: list[str]
    partners: list
    related_guides: list
    related_courses: list
    cta_url: str
    beacon_url: str
    beacon_image_url: str
    og_image_url: str = ""
    og_image_alt: str = ""


def campaign_public_materials(*, campaign: CampaignPage) -> list[CampaignMaterial]:
    """The campaign's materials anyone may download (and that go in its kit), in the editors' order."""
    materials = campaign.materials.select_related("document__collection", "image").order_by("sort_order", "pk")
    restricted = restricted_collection_paths()
    return [material for material in materials if material.is_available_among(restricted)]


def campaign_materials(*, campaign: CampaignPage) -> list[MaterialEntry]:
    """The campaign's public materials with their counted download links."""
    entries = []
    for material in campaign_public_materials(campaign=campaign):
        # In a preview, materials added since the last save have no address yet.
        if material.pk is None:
            continue
        download_url = reverse("campaigns:material-download", args=[material.pk])
        entries.append(
            MaterialEntry(
                material=material,
                download_url=download_url,
                open_url=reverse("campaigns:material-open", args=[material.pk]),
                social_sizes=[
                    MaterialLink(str(label), f"{download_url}?{urlencode({'tamano': size_key})}")
                    for size_key, (_spec, label) in SOCIAL_RENDITIONS.items()
                ]
                if material.has_social_sizes
                else [],
            )
        )
    return entries


def campaign_share_links(*, url: str, title: str, text: str = "") -> list[dict]:
    """Plain links that share the campaign: nothing loads from another site until a click."""
    message = f"{title}. {text} {url}" if text else f"{title} {url}"
    return [
        {
            "key": "whatsapp",
            "label": _("Compartir por WhatsApp"),
            "url": f"https://wa.me/?text={quote(message, safe='')}",
        },
        {
            "key": "facebook",
            "label": _("Compartir en Facebook"),
            "url": f"https://www.facebook.com/sharer/sharer.php?{urlencode({'u': url})}",
        },
        {
            "key": "x",
            "label": _("Compartir en X"),
            "url": f"https://twitter.com/intent/tweet?{urlencode({'url': url, 'text': title})}",
        },
        {
            "key": "email",
            "label": _("Enviar por correo"),
            "url": "mailto:?" + urlencode({"subject": title, "body": f"{text} {url}".strip()}, quote_via=quote),
        },
    ]


def campaign_page_details(*, campaign: CampaignPage, request=None) -> CampaignDetails:
    """What a campaign's page shows beyond its fields: materials, kit, sharing and related pages."""
    page_url = _absolute_page_url(campaign, request)
    materials = campaign_materials(campaign=campaign)
    cta_page = campaign.cta_page.specific if campaign.cta_page and campaign.cta_page.live else None
    return CampaignDetails(
        status=campaign.status,
        materials=materials,
        kit=CampaignKit.objects.filter(campaign=campaign).first() if materials else None,
        kit_url=reverse("campaigns:kit-download", args=[campaign.pk]) if materials else "",
        share_links=campaign_share_links(url=page_url, title=campaign.title, text=campaign.summary),
        page_url=page_url,
        municipality_names=(
            [] if campaign.targets_all_municipalities else [m.name for m in campaign.municipalities.order_by("name")]
        ),
        partners=[
            partner.organisation
            for partner in campaign.partners.select_related("organisation", "organisation__logo").order_by("sort_order")
        ],
        related_guides=_live_pages(campaign.related_guides.order_by("sort_order")),
        related_courses=_live_pages(campaign.related_courses.order_by("sort_order")),
        cta_url=cta_page.get_url(request=request) if cta_page else "",
        beacon_url=reverse("campaigns:view-beacon", args=[campaign.pk]),
        beacon_image_url=reverse("campaigns:view-beacon-image", args=[campaign.pk]),
        og_image_url=campaign_og_image_url(campaign=campaign, request=request),
        og_image_alt=campaign.hero_image_alt if campaign.share_image == campaign.hero_image else "",
    )


OG_IMAGE_FILTER = "fill-1200x630"


def campaign_og_image_url(*, campaign: CampaignPage, request=None) -> str:
    """The absolute address of the 1200×630 link-preview image (Open Graph), or ""."""
    image = campaign.share_image
    if image is None:
        return ""
    try:
        url = image.get_rendition(OG_IMAGE_FILTER).url
    except SourceImageIOError:
        return ""  # a lost upload must not take the page down; the preview goes without image
    if url.startswith("/"):
        site = campaign.get_site()
        root = site.root_url if site else ""
        if request is not None:
            root = request.build_absolute_uri("/").rstrip("/")
        url = f"{root}{url}"
    return url


def _absolute_page_url(campaign: CampaignPage, request=None) -> str:
    """The page's address as the visitor reached the site (falls back to the Site's root URL)."""
    if request is not None:
        path = campaign.get_url(request=request)
        if path:
            return request.build_absolute_uri(path)
    return campaign.get_full_url() or ""


def _live_pages(links) -> list:
    return live_pages_in_order(link.page_id for link in links)
