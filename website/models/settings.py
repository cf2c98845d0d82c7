from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_QUICK_EXIT_URL = "https://www.google.com/search?q=clima"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide text and links: the quick exit's destination, the help and privacy pages, the footer."""

    quick_exit_url = models.URLField(
        _("destino de «Salida rápida»"),
        default=DEFAULT_QUICK_EXIT_URL,
        help_text=_("Un sitio neutral que reemplaza la página al pulsar «Salida rápida» o la tecla Esc."),
    )
    help_page = models.ForeignKey(
        "website.HelpPage",
        verbose_name=_("página «Pide ayuda / Denunciar»"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("aviso de privacidad"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("página «Acerca de»"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_text = models.CharField(
        _("texto del pie de página"),
        max_length=300,
        blank=True,
        help_text=_("Quién publica el sitio, en una o dos frases."),
    )

    # Every public page links to these pages: fetch them with the settings in one query.
    select_related = ["help_page", "privacy_page", "about_page"]

    panels = [
        FieldPanel("quick_exit_url"),
        PageChooserPanel("help_page", page_type="website.HelpPage"),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("about_page"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("ajustes del sitio")
