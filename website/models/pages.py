from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from website.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from website.i18n import translated_search_fields
from website.selectors import live_pages_in_order
from website.vocabularies import AGE_BAND_SHORT_LABELS, AgeBand, Audience

from .snippets import HelpChannel


class HomePage(Page):
    """The front door: what the platform is, one entry point per audience and per age band,
    featured material and the call to ask for help.

    Links to the guide library, courses and campaigns are chosen here so the home page needs
    no knowledge of those page types.
    """

    hero_title = models.CharField(_("título principal"), max_length=120)
    hero_text = models.TextField(_("texto de bienvenida"), max_length=400)
    guide_library = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("biblioteca de guías"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Las entradas por público y por edad llevan a esta página, ya filtrada."),
    )
    courses_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("página de cursos"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaigns_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("página de campañas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido adicional"), blank=True)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    search_fields = (
        Page.search_fields + translated_search_fields("title", boost=2) + translated_search_fields("hero_text")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Bienvenida")),
        MultiFieldPanel(
            [PageChooserPanel("guide_library"), PageChooserPanel("courses_page"), PageChooserPanel("campaigns_page")],
            heading=_("Secciones"),
        ),
        InlinePanel("featured_pages", label=_("Material destacado"), max_num=6),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("página de inicio")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"] = live_pages_in_order(item.page_id for item in self.featured_pages.all())
        context["audience_entries"] = [
            (audience, label) for audience, label in Audience.choices if audience != Audience.CHILDREN
        ]
        context["age_band_entries"] = [(band, AGE_BAND_SHORT_LABELS[band]) for band in AgeBand]
        return context


class HomeFeaturedPage(Orderable):
    """A page highlighted on the home page."""

    home = ParentalKey(HomePage, related_name="featured_pages", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("página"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page")]


class StandardPage(Page):
    """A plain content page: about the platform, aviso de privacidad, terms."""

    intro = models.TextField(_("introducción"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)

    parent_page_types = ["website.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]
    search_fields = (
        Page.search_fields + translated_search_fields("title", boost=2) + translated_search_fields("intro", "body")
    )
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("página de contenido")


class HelpPage(Page):
    """The "Pide ayuda / Denunciar" page: where to report and get help. The channels come from the
    "Canales de ayuda" snippets, emergencies first, in the order editors give them."""

    intro = RichTextField(_("introducción"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("qué hacer mientras tanto"), blank=True)

    max_count = 1
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    search_fields = (
        Page.search_fields + translated_search_fields("title", boost=2) + translated_search_fields("intro", "body")
    )
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("página «Pide ayuda»")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        channels = list(HelpChannel.objects.live().in_display_order())
        context["emergency_channels"] = [c for c in channels if c.is_emergency]
        context["reporting_channels"] = [c for c in channels if not c.is_emergency and c.is_reporting_channel]
        context["other_channels"] = [c for c in channels if not c.is_emergency and not c.is_reporting_channel]
        return context
