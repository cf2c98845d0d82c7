from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Topic(index.Indexed, models.Model):
    """A subject that guides, courses and campaigns are filed under (grooming, sextorsión…).

    Editors can add topics; the slug appears in shareable filter links, so change it with care.
    """

    name = models.CharField(_("nombre"), max_length=80)
    slug = models.SlugField(_("clave para enlaces"), max_length=80, unique=True)
    description = models.CharField(_("descripción breve"), max_length=255, blank=True)
    sort_order = models.PositiveIntegerField(_("orden"), default=0, editable=False)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("tema")
        verbose_name_plural = _("temas")

    def __str__(self):
        return self.name


class HelpChannelQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def in_display_order(self):
        """Emergencies first, then the order editors chose."""
        return self.order_by("-is_emergency", "sort_order", "pk")


class HelpChannel(models.Model):
    """A place to report or get help (Te Protejo México, CyberTipline, 911…), shown on the help
    page and in the footer.

    Publish only verified contact data: a channel whose phone or address is not confirmed
    stays hidden (not "live") with a note saying what is missing.
    """

    name = models.CharField(_("nombre"), max_length=120)
    key = models.SlugField(_("clave interna"), max_length=60, unique=True)
    receives = models.TextField(_("qué recibe o para qué sirve"))
    how_to_reach = models.CharField(
        _("cómo contactarlo"),
        max_length=255,
        blank=True,
        help_text=_("Por ejemplo: «Sitio web y app para iOS y Android»."),
    )
    phone = models.CharField(_("teléfono (como se muestra)"), max_length=40, blank=True)
    phone_dial = models.CharField(
        _("teléfono para marcar"), max_length=20, blank=True, help_text=_("Solo dígitos y +, para el enlace «Llamar».")
    )
    url = models.URLField(_("sitio web"), blank=True)
    email = models.EmailField(_("correo"), blank=True)
    hours = models.CharField(_("horario"), max_length=120, blank=True)
    is_anonymous = models.BooleanField(_("admite reportes anónimos"), default=False)
    is_emergency = models.BooleanField(_("es para emergencias"), default=False)
    is_reporting_channel = models.BooleanField(
        _("es un canal de reporte"), default=True, help_text=_("Desmárcalo para servicios de prevención u orientación.")
    )
    live = models.BooleanField(_("publicado"), default=True, help_text=_("Solo se muestran los canales publicados."))
    verification_note = models.TextField(
        _("nota de verificación (interna)"),
        blank=True,
        help_text=_("Qué falta confirmar antes de publicar. No se muestra en el sitio."),
    )
    sort_order = models.PositiveIntegerField(_("orden"), default=0, editable=False)

    objects = HelpChannelQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("receives"),
        MultiFieldPanel(
            [
                FieldPanel("how_to_reach"),
                FieldPanel("phone"),
                FieldPanel("phone_dial"),
                FieldPanel("url"),
                FieldPanel("email"),
                FieldPanel("hours"),
            ],
            heading=_("Contacto"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_emergency"),
                FieldPanel("is_anonymous"),
                FieldPanel("is_reporting_channel"),
                FieldPanel("live"),
                FieldPanel("verification_note"),
            ],
            heading=_("Tipo y publicación"),
        ),
    ]

    class Meta:
        ordering = ["-is_emergency", "sort_order", "pk"]
        verbose_name = _("canal de ayuda")
        verbose_name_plural = _("canales de ayuda")

    def __str__(self):
        return self.name
