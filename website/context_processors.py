"""What every public template needs: the help link, the quick exit, the footer and the
language switch. Database reads are lazy, so pages that do not show a piece do not pay for it."""

from django.utils.functional import SimpleLazyObject

from .i18n import language_switch_links
from .models import HelpChannel, SiteSettings

FOOTER_CHANNEL_COUNT = 5


def site_shell(request):
    def site_settings():
        return SiteSettings.for_request(request)

    settings_obj = SimpleLazyObject(site_settings)

    def help_url():
        page = settings_obj.help_page
        return page.get_url(request=request) if page and page.live else ""

    def footer_channels():
        return list(HelpChannel.objects.live().in_display_order()[:FOOTER_CHANNEL_COUNT])

    def switch_links():
        page = getattr(request, "current_page", None)
        return language_switch_links(request, page)

    return {
        "site_settings": settings_obj,
        "help_url": SimpleLazyObject(help_url),
        "footer_channels": SimpleLazyObject(footer_channels),
        "language_links": SimpleLazyObject(switch_links),
    }
