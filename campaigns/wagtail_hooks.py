from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import CampaignReachReportView
from .models import Organisation
from .reach import user_can_view_reach


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organizaciones")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "role", "url"]
    search_fields = ["name"]
    search_backend_name = None  # a plain name lookup; organisations are not in the site search


register_snippet(OrganisationViewSet)


class ReachReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_view_reach(request.user)


@hooks.register("register_reports_menu_item")
def register_reach_report_menu_item():
    return ReachReportMenuItem(
        _("Alcance de campañas"),
        reverse("campaigns_reach_report"),
        name="campaign-reach",
        icon_name="view",
        order=1300,
    )


@hooks.register("register_admin_urls")
def register_reach_report_urls():
    return [path("campanas/alcance/", CampaignReachReportView.as_view(), name="campaigns_reach_report")]


@hooks.register("insert_editor_js")
def campaign_editor_js():
    """A search box over the municipality checkboxes of the campaign editor (125 of them)."""
    return format_html('<script src="{}" defer></script>', static("js/campaigns-admin.js"))


@hooks.register("insert_global_admin_css")
def campaign_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/campaigns-admin.css"))
