import math

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from website.blocks import BaseStreamBlock, SourceBlock, count_words
from website.fields import MultipleChoiceField
from website.i18n import translated_search_fields
from website.selectors import live_pages_in_order
from website.vocabularies import AgeBand, Audience

WORDS_PER_MINUTE = 180


class GuideIndexPage(Page):
    """The guide library: every guide below it, filterable by audience, age band and topic.

    Filters live in the URL (?publico=familias&edad=secundaria&tema=grooming), so a filtered
    list can be shared and works without JavaScript.
    """

    intro = models.TextField(_("introducción"), blank=True)
    guides_per_page = models.PositiveSmallIntegerField(_("guías por página"), default=12)

    max_count = 1
    parent_page_types = ["website.HomePage"]
    subpage_types = ["education.GuidePage"]
    search_fields = Page.search_fields + translated_search_fields("intro")
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("guides_per_page")]

    class Meta:
        verbose_name = _("biblioteca de guías")

    def get_context(self, request, *args, **kwargs):
        from education.selectors import guide_library

        context = super().get_context(request, *args, **kwargs)
        context["library"] = guide_library(index_page=self, query=request.GET, per_page=self.guides_per_page)
        return context


class GuidePage(Page):
    """An age-targeted guide for families, children, teachers, police or institutions.

    Say who it is for and which ages it concerns; the library's filters use both. End the
    body with what to do: the page adds where to get help after it.
    """

    summary = models.TextField(
        _("resumen"), max_length=300, help_text=_("Una o dos frases: de qué trata y para quién.")
    )
    audiences = MultipleChoiceField(_("públicos"), choices=Audience.choices, blank=False)
    age_bands = MultipleChoiceField(_("edades"), choices=AgeBand.choices, blank=False)
    topics = ParentalManyToManyField("website.Topic", verbose_name=_("temas"), related_name="guides", blank=False)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"))
    sources = StreamField(
        [("source", SourceBlock())],
        verbose_name=_("fuentes"),
        blank=True,
        help_text=_("De dónde vienen los datos de la guía."),
    )
    reading_minutes = models.PositiveSmallIntegerField(_("minutos de lectura"), default=1, editable=False)

    parent_page_types = ["education.GuideIndexPage"]
    subpage_types = []
    search_fields = (
        Page.search_fields
        + translated_search_fields("title", boost=2)
        + translated_search_fields("summary", "body")
        + [index.RelatedFields("topics", [index.SearchField("name_es"), index.SearchField("name_en")])]
    )
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldPanel("age_bands"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Para quién y de qué trata"),
        ),
        FieldPanel("body"),
        InlinePanel("related_links", label=_("Guías relacionadas"), max_num=4),
        FieldPanel("sources"),
    ]

    class Meta:
        verbose_name = _("guía")
        verbose_name_plural = _("guías")

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes_for(self.body)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_guides"] = live_pages_in_order(
            link.page_id for link in self.related_links.all() if link.page_id != self.pk
        )
        return context


def reading_minutes_for(body) -> int:
    return max(1, math.ceil(count_words(body) / WORDS_PER_MINUTE))


class GuideRelatedLink(Orderable):
    """A guide suggested at the end of another."""

    guide = ParentalKey(GuidePage, related_name="related_links", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("guía"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", page_type="education.GuidePage")]
