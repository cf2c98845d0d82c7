import csv
import datetime
import io

from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

import pytest

from campaigns.charts import ChartSeries, daily_line_chart, nice_ceiling
from campaigns.factories import add_material
from campaigns.models import CampaignDailyCount, MaterialDailyCount
from campaigns.reach import campaign_reach_report, user_can_view_reach
from campaigns.wagtail_hooks import register_reach_report_menu_item
from website.factories import MunicipalityFactory

REPORT_URL = "/admin/campanas/alcance/"


@pytest.fixture
def figures(campaign):
    """Three days of views and downloads for the campaign, one of them outside a 30-day window."""
    today = timezone.localdate()
    material = add_material(campaign, title="Cartel para imprimir")
    CampaignDailyCount.objects.create(campaign=campaign, date=today, views=7, downloads=3, kit_downloads=1)
    CampaignDailyCount.objects.create(campaign=campaign, date=today - datetime.timedelta(days=2), views=5, downloads=1)
    CampaignDailyCount.objects.create(campaign=campaign, date=today - datetime.timedelta(days=60), views=100)
    MaterialDailyCount.objects.create(
        campaign=campaign, material=material, material_title=material.title, date=today, downloads=3
    )
    MaterialDailyCount.objects.create(
        campaign=campaign,
        material=material,
        material_title=material.title,
        date=today - datetime.timedelta(days=2),
        downloads=1,
    )
    return {"material": material, "today": today}


def test_anonymous_visitors_are_sent_to_log_in(client):
    """The report is not public: anonymous requests are redirected to the login."""
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_people_without_admin_access_are_sent_away(client, learner):
    """A signed-in learner without admin access does not reach the report."""
    client.force_login(learner)
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_admin_users_without_the_permission_get_a_403(client, admin_without_reach, figures):
    """Someone in the admin without "Puede ver el alcance de las campañas" gets a permission-denied page."""
    client.force_login(admin_without_reach)
    response = client.get(REPORT_URL)
    assert response.status_code == 403
    assert "No tienes permiso" in response.text
    assert "reach-chart" not in response.text
    assert client.get(f"{REPORT_URL}?export=csv").status_code == 403


@pytest.mark.parametrize("user_fixture", ["editor", "moderator"])
def test_editors_and_moderators_see_figures_chart_and_materials(client, request, user_fixture, figures, campaign):
    """Editors and moderators see totals for the period, a server-drawn SVG chart and the per-material table."""
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.text
    assert "<svg" in html and "<polyline" in html and 'role="img"' in html
    report = response.context["report"]
    assert (report.total_views, report.total_downloads, report.total_kit_downloads) == (12, 4, 1)
    assert report.campaigns[0].campaign.pk == campaign.pk
    assert report.materials[0].title == "Cartel para imprimir"
    assert report.materials[0].downloads == 4
    assert campaign.title in html
    assert "Cartel para imprimir" in html


def test_superusers_see_the_report(client, django_user_model):
    """Superusers have every permission."""
    admin = django_user_model.objects.create_superuser("raiz", "raiz@example.org", "clave-de-prueba-123")
    client.force_login(admin)
    assert client.get(REPORT_URL).status_code == 200


def test_date_range_and_campaign_filters(client, editor, figures, campaign):
    """Choosing the period and the campaign narrows the figures."""
    client.force_login(editor)
    since = (figures["today"] - datetime.timedelta(days=90)).isoformat()
    response = client.get(REPORT_URL, {"desde": since, "hasta": figures["today"].isoformat(), "campana": campaign.pk})
    assert response.context["report"].total_views == 112
    assert response.context["report"].campaign == campaign


def test_bad_dates_are_explained_not_a_500(client, editor, figures):
    """A reversed or malformed period shows the form's error and the default period."""
    client.force_login(editor)
    response = client.get(REPORT_URL, {"desde": "2026-05-10", "hasta": "2026-05-01"})
    assert response.status_code == 200
    assert "anterior o igual" in response.text
    response = client.get(REPORT_URL, {"desde": "no-es-fecha", "campana": "999999"})
    assert response.status_code == 200


def test_csv_export_per_campaign_and_day(client, editor, figures, campaign):
    """?export=csv downloads one row per campaign and day in the period."""
    client.force_login(editor)
    response = client.get(REPORT_URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="alcance-campanas-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Día", "Campaña", "ID de campaña", "Vistas", "Descargas de materiales", "Descargas del kit"]
    assert [row[3] for row in rows[1:]] == ["5", "7"]
    assert rows[-1][1] == campaign.title


def test_csv_export_per_material(client, editor, figures):
    """?export=materiales downloads one row per material and day."""
    client.force_login(editor)
    response = client.get(REPORT_URL, {"export": "materiales"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][2] == "Material"
    assert [(row[2], row[4]) for row in rows[1:]] == [("Cartel para imprimir", "1"), ("Cartel para imprimir", "3")]


def test_csv_cells_cannot_run_as_formulas(client, editor, campaign):
    """A title starting with "=" is exported as text."""
    campaign.title = "=HYPERLINK(1)"
    campaign.save()
    CampaignDailyCount.objects.create(campaign=campaign, date=timezone.localdate(), views=1)
    client.force_login(editor)
    rows = list(csv.reader(io.StringIO(client.get(REPORT_URL, {"export": "csv"}).content.decode("utf-8-sig"))))
    assert rows[1][1] == "'=HYPERLINK(1)"


def test_reach_selector_checks_the_requesting_user(admin_without_reach, editor):
    """The selector itself refuses users without the permission."""
    today = timezone.localdate()
    with pytest.raises(PermissionDenied):
        campaign_reach_report(requested_by=admin_without_reach, date_from=today, date_to=today)
    assert campaign_reach_report(requested_by=editor, date_from=today, date_to=today).total_views == 0
    assert not user_can_view_reach(None)


def test_menu_item_is_shown_only_to_people_allowed(editor, admin_without_reach):
    """The "Alcance de campañas" entry under Reports appears for those who may open it."""
    item = register_reach_report_menu_item()
    assert item.url == reverse("campaigns_reach_report")
    request = RequestFactory().get("/admin/")
    request.user = editor
    assert item.is_shown(request)
    request.user = admin_without_reach
    assert not item.is_shown(request)


def test_chart_scale_and_points():
    """The chart's axis tops at a round number and each day gets a point."""
    assert [nice_ceiling(v) for v in (0, 0.3, 1, 3, 7, 26, 130)] == [1, 1, 1, 5, 10, 50, 200]
    dates = [datetime.date(2026, 3, d) for d in (1, 2, 3)]
    chart = daily_line_chart(
        dates=dates, series=[ChartSeries("views", "Vistas", "#000", [0, 4, 8])], title="t", description="d"
    )
    assert chart.y_ticks[-1][1] == 8
    points = chart.series[0].points.split()
    assert len(points) == 3
    first_y, last_y = float(points[0].split(",")[1]), float(points[-1].split(",")[1])
    assert first_y == chart.bottom and last_y == chart.top


def test_editors_can_open_the_campaign_editor_and_partner_snippets(client, editor, campaign, campaigns_index):
    """The page editor (with its tabs and municipality search) and the organisations list open for editors."""
    MunicipalityFactory(cvegeo="14039", name="Guadalajara")
    client.force_login(editor)
    response = client.get(f"/admin/pages/{campaign.pk}/edit/")
    assert response.status_code == 200
    html = response.text
    for tab in ("Público y lugar", "Materiales", "Socios y relacionados"):
        assert tab in html
    assert "data-campaign-municipalities" in html
    assert "js/campaigns-admin.js" in html
    assert client.get(f"/admin/pages/add/campaigns/campaignpage/{campaigns_index.pk}/").status_code == 200
    assert client.get(reverse("wagtailsnippets_campaigns_organisation:list")).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        {"hasta": "0001-01-05"},
        {"hasta": "0001-01-05", "export": "csv"},
        {"desde": "9999-12-31", "hasta": "9999-12-31"},
        {"campana": "9" * 30},
    ],
)
def test_dates_at_the_calendars_ends_and_huge_ids_are_not_a_500(client, editor, campaign, query):
    """Periods touching year 1 or 9999 and campaign ids too long for the database answer normally."""
    client.force_login(editor)
    assert client.get(REPORT_URL, query).status_code == 200
