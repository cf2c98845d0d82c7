"""What every public template needs: the help link, the quick exit, the footer and the
learners' area link. Database reads are lazy, so pages that do not show a piece do not pay for it."""

from django.conf import settings as django_settings
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject

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

    def learning_url():
        # The learners' area belongs to another app; settings name it so the shell imports nothing.
        name = getattr(django_settings, "SITE_ACCOUNT_URL_NAME", "")
        try:
            return reverse(name) if name else ""
        except NoReverseMatch:
            return ""

    return {
        "site_settings": settings_obj,
        "help_url": SimpleLazyObject(help_url),
        "footer_channels": SimpleLazyObject(footer_channels),
        "learning_url": SimpleLazyObject(learning_url),
    }
