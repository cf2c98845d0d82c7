from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    """An organisation named on campaigns as a partner: who convenes, who runs a reporting
    line, who helps spread the word.

    Publish only a web address you have confirmed: leave it empty otherwise and the name is
    shown without a link.
    """

    name = models.CharField(_("nombre"), max_length=160)
    key = models.SlugField(_("clave interna"), max_length=60, unique=True)
    role = models.CharField(
        _("papel"),
        max_length=200,
        help_text=_("Qué hace en las campañas, en pocas palabras. Por ejemplo: «Línea nacional de reporte»."),
    )
    url = models.URLField(_("sitio web"), blank=True, help_text=_("Déjalo vacío si la dirección no está confirmada."))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotipo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Solo el logotipo oficial, con permiso de la organización."),
    )

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("role"), FieldPanel("url"), FieldPanel("logo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organización")
        verbose_name_plural = _("organizaciones")

    def __str__(self):
        return self.name
