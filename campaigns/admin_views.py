"""The "Alcance de campañas" report in the Wagtail admin: figures, a chart and CSV export."""

import csv
import datetime

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from .charts import ChartSeries, daily_line_chart
from .models import CampaignPage
from .reach import (
    MAX_REPORT_DAYS,
    REACH_NOT_ALLOWED,
    REACH_RANGE_REVERSED,
    REACH_RANGE_TOO_LONG,
    campaign_reach_csv_rows,
    campaign_reach_report,
    material_reach_csv_rows,
    user_can_view_reach,
)

DEFAULT_DAYS = 30
EXPORTS = {
    "csv": ("alcance-campanas", campaign_reach_csv_rows),
    "materiales": ("descargas-materiales", material_reach_csv_rows),
}
# Cells starting with these could run as formulas in a spreadsheet.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class CampaignChoiceField(forms.ModelChoiceField):
    """An id too long for the database is an unknown campaign (SQLite would raise OverflowError)."""

    def to_python(self, value):
        if value not in self.empty_values and len(str(value)) > 18:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ReachReportForm(forms.Form):
    desde = forms.DateField(label=gettext_lazy("Desde"), required=False, widget=AdminDateInput)
    hasta = forms.DateField(label=gettext_lazy("Hasta"), required=False, widget=AdminDateInput)
    campana = CampaignChoiceField(
        label=gettext_lazy("Campaña"),
        queryset=CampaignPage.objects.order_by("-start_date", "pk"),
        required=False,
        empty_label=gettext_lazy("Todas las campañas"),
    )

    def clean(self):
        cleaned_data = super().clean()
        today = timezone.localdate()
        date_to = cleaned_data.get("hasta") or today
        # max() keeps a "hasta" in the first days of year 1 from overflowing (a 500).
        date_from = cleaned_data.get("desde") or max(
            datetime.date.min + datetime.timedelta(days=DEFAULT_DAYS - 1), date_to
        ) - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if date_from > date_to:
            raise forms.ValidationError(REACH_RANGE_REVERSED)
        if (date_to - date_from).days + 1 > MAX_REPORT_DAYS:
            raise forms.ValidationError(REACH_RANGE_TOO_LONG, params={"days": MAX_REPORT_DAYS})
        cleaned_data["desde"], cleaned_data["hasta"] = date_from, date_to
        return cleaned_data


def _default_period():
    today = timezone.localdate()
    return today - datetime.timedelta(days=DEFAULT_DAYS - 1), today


def _csv_cell(value):
    text = str(value)
    return f"'{text}" if isinstance(value, str) and text.startswith(FORMULA_PREFIXES) else value


class CampaignReachReportView(WagtailAdminTemplateMixin, TemplateView):
    """Views, downloads and kit downloads per campaign and day, for editors and moderators.

    The figures are counters only: they say how much, never who.
    """

    template_name = "campaigns/admin/reach_report.html"
    page_title = gettext_lazy("Alcance de campañas")
    header_icon = "view"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": reverse_lazy("campaigns_reach_report"), "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not user_can_view_reach(request.user):
            return TemplateResponse(
                request,
                "campaigns/admin/reach_forbidden.html",
                {"message": REACH_NOT_ALLOWED, "page_title": self.page_title, "header_title": self.page_title},
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        date_from, date_to = _default_period()
        self.form = ReachReportForm(request.GET or None, initial={"desde": date_from, "hasta": date_to})
        if self.form.is_bound and self.form.is_valid():
            self.date_from, self.date_to = self.form.cleaned_data["desde"], self.form.cleaned_data["hasta"]
            campaign = self.form.cleaned_data["campana"]
            self.campaign_id = campaign.pk if campaign else None
        else:
            self.date_from, self.date_to = _default_period()
            self.campaign_id = None
        export = request.GET.get("export")
        if export in EXPORTS and (not self.form.is_bound or self.form.is_valid()):
            return self.export_csv(export)
        return super().get(request, *args, **kwargs)

    def export_csv(self, export: str) -> HttpResponse:
        name, rows = EXPORTS[export]
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"{name}-{self.date_from.isoformat()}-{self.date_to.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # so spreadsheet programs read the accents as UTF-8
        writer = csv.writer(response)
        for row in rows(
            requested_by=self.request.user,
            date_from=self.date_from,
            date_to=self.date_to,
            campaign_id=self.campaign_id,
        ):
            writer.writerow([_csv_cell(value) for value in row])
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = campaign_reach_report(
            requested_by=self.request.user,
            date_from=self.date_from,
            date_to=self.date_to,
            campaign_id=self.campaign_id,
        )
        chart = daily_line_chart(
            dates=[day.date for day in report.days],
            series=[
                ChartSeries("views", _("Vistas"), "#5b2a86", [day.views for day in report.days]),
                ChartSeries(
                    "downloads",
                    _("Descargas (materiales y kit)"),
                    "#0b6b3a",
                    [day.downloads + day.kit_downloads for day in report.days],
                ),
            ],
            title=_("Vistas y descargas por día"),
            description=_("Del %(from)s al %(to)s: %(views)s vistas y %(downloads)s descargas.")
            % {
                "from": self.date_from.isoformat(),
                "to": self.date_to.isoformat(),
                "views": report.total_views,
                "downloads": report.total_downloads + report.total_kit_downloads,
            },
        )
        query = self.request.GET.copy()
        query.pop("export", None)
        base = reverse("campaigns_reach_report")
        context.update(
            form=self.form,
            report=report,
            chart=chart,
            csv_url=f"{base}?{_with(query, 'csv')}",
            materials_csv_url=f"{base}?{_with(query, 'materiales')}",
        )
        return context


def _with(query, export: str) -> str:
    query = query.copy()
    query["export"] = export
    return query.urlencode()
