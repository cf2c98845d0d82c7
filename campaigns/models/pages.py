import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from website.blocks import BaseStreamBlock
from website.fields import MultipleChoiceField
from website.i18n import translated_search_fields
from website.vocabularies import AgeBand, Audience

from ..panels import OptionalPageTypeChooserPanel

GUIDE_PAGE_TYPE = "education.GuidePage"
COURSE_PAGE_TYPE = "education.CoursePage"
HELP_PAGE_TYPE = "website.HelpPage"
CTA_PAGE_TYPES = (GUIDE_PAGE_TYPE, COURSE_PAGE_TYPE, HELP_PAGE_TYPE)

END_BEFORE_START = _("La fecha de término no puede ser anterior a la de inicio.")
MUNICIPALITIES_REQUIRED = _("Elige al menos un municipio o marca «Todos los municipios».")
CTA_PAGE_TYPE_INVALID = _("La llamada a la acción debe llevar a una guía, un curso o la página «Pide ayuda».")
CTA_LABEL_REQUIRED = _("Escribe el texto del botón de la llamada a la acción.")


class CampaignStatus(models.TextChoices):
    """Where a campaign stands on a given day, from its start and end dates."""

    CURRENT = "en-curso", _("En curso")
    UPCOMING = "proximamente", _("Próximamente")
    CONCLUDED = "concluida", _("Concluida")


def campaign_status_on(*, start_date: datetime.date, end_date: datetime.date, today: datetime.date) -> CampaignStatus:
    """Upcoming before its first day, current through its last day, concluded after it."""
    if today < start_date:
        return CampaignStatus.UPCOMING
    if today > end_date:
        return CampaignStatus.CONCLUDED
    return CampaignStatus.CURRENT


class CampaignIndexPage(Page):
    """The campaigns section: current, upcoming and concluded campaigns, filterable by
    municipality, audience, age and topic.

    Filters live in the URL (?municipio=14039&publico=familias&tema=grooming), so a filtered
    list can be shared and works without JavaScript. Concluded campaigns stay listed as an
    archive.
    """

    intro = models.TextField(_("introducción"), blank=True)
    concluded_per_page = models.PositiveSmallIntegerField(_("campañas concluidas por página"), default=12)

    max_count = 1
    parent_page_types = ["website.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    search_fields = Page.search_fields + translated_search_fields("intro")
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("concluded_per_page")]

    class Meta:
        verbose_name = _("índice de campañas")

    def get_context(self, request, *args, **kwargs):
        from campaigns.selectors import campaign_listing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = campaign_listing(index_page=self, query=request.GET, per_page=self.concluded_per_page)
        return context


class CampaignPageForm(WagtailAdminPageForm):
    """Checks what needs several fields at once: where the campaign runs and its call to action."""

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("targets_all_municipalities") and not cleaned_data.get("municipalities"):
            self.add_error("municipalities", MUNICIPALITIES_REQUIRED)
        return cleaned_data


class CampaignPage(Page):
    """An awareness campaign: when and where it runs, who it is for, its key messages, the
    material to download (posters, flyers, social cards, presentations) and who takes part.

    The dates say whether it shows as "En curso", "Próximamente" or "Concluida"; when the page
    goes live or stops being published is set in "Publicación programada" (Settings tab). A
    concluded campaign stays published as an archive.
    """

    summary = models.TextField(
        _("resumen"), max_length=300, help_text=_("Una o dos frases: qué pide la campaña y a quién.")
    )
    start_date = models.DateField(_("inicio"), help_text=_("Primer día de la campaña."))
    end_date = models.DateField(_("término"), help_text=_("Último día de la campaña."))
    audiences = MultipleChoiceField(_("públicos"), choices=Audience.choices, blank=False)
    age_bands = MultipleChoiceField(
        _("edades"),
        choices=AgeBand.choices,
        blank=True,
        help_text=_("Las edades de las niñas y niños a quienes cuida."),
    )
    topics = ParentalManyToManyField("website.Topic", verbose_name=_("temas"), related_name="campaigns", blank=False)
    targets_all_municipalities = models.BooleanField(
        _("todos los municipios"),
        default=True,
        help_text=_("Desmárcalo para elegir los municipios donde se realiza la campaña."),
    )
    municipalities = ParentalManyToManyField(
        "website.Municipality", verbose_name=_("municipios"), related_name="campaigns", blank=True
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen principal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("texto alternativo de la imagen"),
        max_length=200,
        blank=True,
        help_text=_("Describe la imagen. Déjalo vacío si es solo decorativa."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen para compartir"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Se muestra al compartir el enlace (1200×630). Si falta, se usa la imagen principal."),
    )
    key_messages = StreamField(
        [("message", blocks.CharBlock(label=_("Mensaje"), max_length=180))],
        verbose_name=_("mensajes clave"),
        min_num=1,
        max_num=6,
        help_text=_("Frases cortas que la campaña repite en carteles y tarjetas."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("llamada a la acción: página"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Una guía, un curso o la página «Pide ayuda»."),
    )
    cta_label = models.CharField(_("llamada a la acción: texto del botón"), max_length=80, blank=True)

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    base_form_class = CampaignPageForm
    search_fields = (
        Page.search_fields
        + translated_search_fields("title", boost=2)
        + translated_search_fields("summary", "key_messages", "body")
        + [index.FilterField("start_date"), index.FilterField("end_date")]
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Fechas de la campaña")),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Imagen principal")),
        FieldPanel("key_messages"),
        FieldPanel("body"),
        MultiFieldPanel(
            [OptionalPageTypeChooserPanel("cta_page", page_type=list(CTA_PAGE_TYPES)), FieldPanel("cta_label")],
            heading=_("Llamada a la acción"),
        ),
    ]
    audience_panels = [
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldPanel("age_bands"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Para quién y de qué trata"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("targets_all_municipalities"),
                FieldPanel(
                    "municipalities",
                    widget=forms.CheckboxSelectMultiple(attrs={"data-campaign-municipalities": ""}),
                    classname="campaign-municipalities",
                ),
            ],
            heading=_("Dónde"),
        ),
    ]
    material_panels = [InlinePanel("materials", label=_("Material"), heading=_("Materiales para descargar"))]
    partner_panels = [
        InlinePanel("partners", label=_("Organización"), heading=_("Organizaciones participantes")),
        InlinePanel("related_guides", label=_("Guía"), heading=_("Guías relacionadas"), max_num=6),
        InlinePanel("related_courses", label=_("Curso"), heading=_("Cursos relacionados"), max_num=4),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenido")),
            ObjectList(audience_panels, heading=_("Público y lugar")),
            ObjectList(material_panels, heading=_("Materiales")),
            ObjectList(partner_panels, heading=_("Socios y relacionados")),
            ObjectList(promote_panels, heading=_("Promoción")),
            ObjectList(Page.settings_panels, heading=_("Publicación")),
        ]
    )

    class Meta:
        verbose_name = _("campaña")
        verbose_name_plural = _("campañas")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = END_BEFORE_START
        if self.cta_page_id:
            cta_page = Page.objects.filter(pk=self.cta_page_id).specific().first()
            allowed = {model_string.lower() for model_string in CTA_PAGE_TYPES}
            if cta_page is not None and cta_page.specific_class._meta.label_lower not in allowed:
                errors["cta_page"] = CTA_PAGE_TYPE_INVALID
            if not (self.cta_label or "").strip():
                errors["cta_label"] = CTA_LABEL_REQUIRED
        if errors:
            raise ValidationError(errors)

    def status_on(self, today: datetime.date) -> CampaignStatus:
        return campaign_status_on(start_date=self.start_date, end_date=self.end_date, today=today)

    @cached_property
    def status(self) -> CampaignStatus:
        """The status today, in the site's time zone."""
        return self.status_on(timezone.localdate())

    @property
    def share_image(self):
        """The image for link previews (Open Graph): the social image, else the hero image."""
        return self.social_image or self.hero_image

    def get_context(self, request, *args, **kwargs):
        from campaigns.selectors import campaign_page_details

        context = super().get_context(request, *args, **kwargs)
        context["campaign"] = campaign_page_details(campaign=self, request=request)
        return context


class CampaignPartner(Orderable):
    """An organisation taking part in a campaign, in the order shown."""

    campaign = ParentalKey(CampaignPage, related_name="partners", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "campaigns.Organisation", verbose_name=_("organización"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("organización participante")
        verbose_name_plural = _("organizaciones participantes")


class CampaignRelatedGuide(Orderable):
    """A guide suggested on a campaign's page."""

    campaign = ParentalKey(CampaignPage, related_name="related_guides", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("guía"), on_delete=models.CASCADE, related_name="+")

    panels = [OptionalPageTypeChooserPanel("page", page_type=GUIDE_PAGE_TYPE)]


class CampaignRelatedCourse(Orderable):
    """A course suggested on a campaign's page."""

    campaign = ParentalKey(CampaignPage, related_name="related_courses", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("curso"), on_delete=models.CASCADE, related_name="+")

    panels = [OptionalPageTypeChooserPanel("page", page_type=COURSE_PAGE_TYPE)]
