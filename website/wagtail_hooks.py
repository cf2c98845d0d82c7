from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import HelpChannel, Municipality, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Temas")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    sort_order_field = "sort_order"


class HelpChannelViewSet(SnippetViewSet):
    model = HelpChannel
    icon = "help"
    menu_label = _("Canales de ayuda")
    list_display = ["name", "phone", "is_emergency", "live"]
    list_filter = ["live", "is_emergency"]
    sort_order_field = "sort_order"


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipios")
    list_display = ["name", "cvegeo"]
    search_fields = ["name", "cvegeo"]
    search_backend_name = None  # a plain name/code lookup; municipalities are not in the site search
    list_per_page = 50


class VocabularyGroup(SnippetViewSetGroup):
    """Everything editors pick from when they file material."""

    items = (TopicViewSet, HelpChannelViewSet, MunicipalityViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Catálogos")
    menu_name = "catalogos"


register_snippet(VocabularyGroup)
