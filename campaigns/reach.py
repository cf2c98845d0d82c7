"""Reads of campaign reach: views and downloads per campaign, material and day.

Only people allowed to see reach (the permission `campaigns.view_campaign_reach`, given to
editors and moderators) get figures; every function takes the requesting user.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import CampaignDailyCount, CampaignMaterial, CampaignPage, MaterialDailyCount

REACH_PERMISSION = "campaigns.view_campaign_reach"
REACH_NOT_ALLOWED = gettext_lazy("No tienes permiso para ver el alcance de las campañas.")
REACH_RANGE_TOO_LONG = gettext_lazy("Elige un periodo de %(days)s días o menos.")
REACH_RANGE_REVERSED = gettext_lazy("La fecha inicial debe ser anterior o igual a la final.")
MAX_REPORT_DAYS = 731


def user_can_view_reach(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(REACH_PERMISSION))


def _require(user) -> None:
    if not user_can_view_reach(user):
        raise PermissionDenied(REACH_NOT_ALLOWED)


@dataclass
class CampaignReachRow:
    campaign: CampaignPage
    views: int = 0
    downloads: int = 0
    kit_downloads: int = 0


@dataclass
class DayReach:
    date: datetime.date
    views: int = 0
    downloads: int = 0
    kit_downloads: int = 0


@dataclass
class MaterialReachRow:
    campaign_title: str
    title: str
    kind: str
    downloads: int
    removed: bool = False


@dataclass
class ReachReport:
    date_from: datetime.date
    date_to: datetime.date
    campaign: CampaignPage | None
    campaigns: list[CampaignReachRow] = field(default_factory=list)
    days: list[DayReach] = field(default_factory=list)
    materials: list[MaterialReachRow] = field(default_factory=list)
    total_views: int = 0
    total_downloads: int = 0
    total_kit_downloads: int = 0


def _day_counts(*, date_from, date_to, campaign_id=None):
    counts = CampaignDailyCount.objects.filter(date__gte=date_from, date__lte=date_to)
    return counts.filter(campaign_id=campaign_id) if campaign_id else counts


def _material_counts(*, date_from, date_to, campaign_id=None):
    counts = MaterialDailyCount.objects.filter(date__gte=date_from, date__lte=date_to)
    return counts.filter(campaign_id=campaign_id) if campaign_id else counts


def campaign_reach_report(
    *, requested_by, date_from: datetime.date, date_to: datetime.date, campaign_id: int | None = None
) -> ReachReport:
    """Views, material downloads and kit downloads between two days (inclusive), per campaign,
    per day (every day of the range, zeros included) and per material."""
    _require(requested_by)
    campaign = CampaignPage.objects.filter(pk=campaign_id).first() if campaign_id else None
    counts = _day_counts(date_from=date_from, date_to=date_to, campaign_id=campaign_id)
    sums = {"views": Sum("views"), "downloads": Sum("downloads"), "kit_downloads": Sum("kit_downloads")}

    per_campaign = {row["campaign_id"]: row for row in counts.values("campaign_id").annotate(**sums)}
    campaigns = CampaignPage.objects.filter(Q(live=True) | Q(pk__in=per_campaign.keys()))
    if campaign_id:
        campaigns = campaigns.filter(pk=campaign_id)
    rows = []
    for page in campaigns.order_by("-start_date", "pk"):
        figures = per_campaign.get(page.pk, {})
        rows.append(
            CampaignReachRow(
                campaign=page,
                views=figures.get("views") or 0,
                downloads=figures.get("downloads") or 0,
                kit_downloads=figures.get("kit_downloads") or 0,
            )
        )
    rows.sort(key=lambda row: (-row.views, -row.downloads))

    per_day = {row["date"]: row for row in counts.values("date").annotate(**sums)}
    days = []
    # Counting offsets, not adding a day past date_to, which overflows on 9999-12-31.
    for offset in range((date_to - date_from).days + 1):
        day = date_from + datetime.timedelta(days=offset)
        figures = per_day.get(day, {})
        days.append(
            DayReach(
                day,
                figures.get("views") or 0,
                figures.get("downloads") or 0,
                figures.get("kit_downloads") or 0,
            )
        )

    return ReachReport(
        date_from=date_from,
        date_to=date_to,
        campaign=campaign,
        campaigns=rows,
        days=days,
        materials=material_reach(
            requested_by=requested_by, date_from=date_from, date_to=date_to, campaign_id=campaign_id
        ),
        total_views=sum(d.views for d in days),
        total_downloads=sum(d.downloads for d in days),
        total_kit_downloads=sum(d.kit_downloads for d in days),
    )


def material_reach(
    *, requested_by, date_from: datetime.date, date_to: datetime.date, campaign_id: int | None = None
) -> list[MaterialReachRow]:
    """Downloads per material in the period, most downloaded first. A material an editor has
    since removed keeps its figures under the title it had."""
    _require(requested_by)
    grouped = (
        _material_counts(date_from=date_from, date_to=date_to, campaign_id=campaign_id)
        .values("campaign_id", "material_id")
        .annotate(downloads=Sum("downloads"), last_title=Max("material_title"))
        .order_by("-downloads")
    )
    grouped = list(grouped)
    materials = CampaignMaterial.objects.in_bulk([row["material_id"] for row in grouped if row["material_id"]])
    titles = dict(
        CampaignPage.objects.filter(pk__in={row["campaign_id"] for row in grouped}).values_list("pk", "title")
    )
    rows = []
    for row in grouped:
        material = materials.get(row["material_id"])
        rows.append(
            MaterialReachRow(
                campaign_title=titles.get(row["campaign_id"], ""),
                title=material.title if material else row["last_title"],
                kind=str(material.get_kind_display()) if material else "",
                downloads=row["downloads"] or 0,
                removed=material is None,
            )
        )
    return rows


def campaign_reach_csv_rows(*, requested_by, date_from, date_to, campaign_id=None):
    """One row per campaign and day with any activity, for a spreadsheet."""
    _require(requested_by)
    yield [
        _("Día"),
        _("Campaña"),
        _("ID de campaña"),
        _("Vistas"),
        _("Descargas de materiales"),
        _("Descargas del kit"),
    ]
    counts = (
        _day_counts(date_from=date_from, date_to=date_to, campaign_id=campaign_id)
        .select_related("campaign")
        .order_by("date", "campaign__title", "campaign_id")
    )
    for count in counts.iterator():
        yield [
            count.date.isoformat(),
            count.campaign.title,
            count.campaign_id,
            count.views,
            count.downloads,
            count.kit_downloads,
        ]


def material_reach_csv_rows(*, requested_by, date_from, date_to, campaign_id=None):
    """One row per material and day with downloads, for a spreadsheet."""
    _require(requested_by)
    yield [_("Día"), _("Campaña"), _("Material"), _("ID de material"), _("Descargas")]
    counts = (
        _material_counts(date_from=date_from, date_to=date_to, campaign_id=campaign_id)
        .select_related("campaign", "material")
        .order_by("date", "campaign__title", "material_title")
    )
    for count in counts.iterator():
        yield [
            count.date.isoformat(),
            count.campaign.title,
            count.material.title if count.material else count.material_title,
            count.material_id or "",
            count.downloads,
        ]
