from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def municipality_summary(campaign, limit: int = 3) -> str:
    """ "Todo el estado", or the first municipalities by name and how many more."""
    if campaign.targets_all_municipalities:
        return _("Todo el estado")
    names = sorted(m.name for m in campaign.municipalities.all())
    if not names:
        return ""
    shown = ", ".join(names[:limit])
    if len(names) > limit:
        return _("%(names)s y %(count)s más") % {"names": shown, "count": len(names) - limit}
    return shown
