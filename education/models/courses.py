"""Training courses for adults: CourseIndexPage → CoursePage → ModulePage.

Anyone can read a course's outline (the course page and each module's title and summary);
lessons and quizzes are for signed-in learners enrolled in the course. Pages only describe the
course: what learners do is recorded in `education.models.learning`, and the serving logic
lives in `education.views.learning`.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from website.blocks import BaseStreamBlock
from website.fields import MultipleChoiceField
from website.i18n import translated_search_fields
from website.vocabularies import AgeBand, Audience

from ..blocks import QuizStreamBlock

# Children never take courses: accounts are for adults only.
COURSE_AUDIENCES = [(value, label) for value, label in Audience.choices if value != Audience.CHILDREN]
DEFAULT_PASS_MARK = 80


class CourseIndexPage(Page):
    """The list of training courses for teachers, police, families and institution staff."""

    intro = models.TextField(_("introducción"), blank=True)

    max_count = 1
    parent_page_types = ["website.HomePage"]
    subpage_types = ["education.CoursePage"]
    search_fields = Page.search_fields + translated_search_fields("intro")
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("índice de cursos")

    def get_context(self, request, *args, **kwargs):
        from education.selectors import course_list

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_list(index_page=self)
        return context


class CoursePage(Page):
    """A training course: its outline is public; its modules are taken in order, signed in.

    A course is complete when every required module is passed with at least the pass mark.
    Modules are the pages below the course, in the order of the page tree. Unpublish a course
    rather than delete it: certificates already issued keep their own copy of its title.
    """

    audience = models.CharField(_("público"), max_length=20, choices=COURSE_AUDIENCES)
    summary = models.TextField(_("resumen"), max_length=400, help_text=_("Para quién es y qué aprenderá."))
    objectives = models.TextField(
        _("objetivos de aprendizaje"),
        help_text=_("Uno por línea. Por ejemplo: «Al terminar podrás…»."),
    )
    estimated_hours = models.DecimalField(
        _("horas estimadas"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0.5)],
        help_text=_("Aparecen en la constancia."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("calificación mínima (%)"),
        default=DEFAULT_PASS_MARK,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Porcentaje de respuestas correctas para aprobar cada módulo."),
    )
    issues_certificate = models.BooleanField(
        _("otorga constancia"), default=True, help_text=_("Al terminar, se emite una constancia verificable.")
    )
    age_bands = MultipleChoiceField(_("edades de las que trata"), choices=AgeBand.choices, blank=True)
    topics = ParentalManyToManyField("website.Topic", verbose_name=_("temas"), related_name="courses", blank=True)
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("cursos previos"),
        symmetrical=False,
        related_name="required_by",
        blank=True,
        help_text=_("Cursos que hay que terminar antes de inscribirse en este."),
    )

    parent_page_types = ["education.CourseIndexPage"]
    subpage_types = ["education.ModulePage"]
    search_fields = (
        Page.search_fields
        + translated_search_fields("title", boost=2)
        + translated_search_fields("summary", "objectives")
    )
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("age_bands"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Para quién y de qué trata"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("estimated_hours"),
                FieldPanel("pass_mark"),
                FieldPanel("issues_certificate"),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Acreditación"),
        ),
    ]

    class Meta:
        verbose_name = _("curso")
        verbose_name_plural = _("cursos")

    def objective_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in (self.objectives or "").splitlines() if line.strip(" -•\t")]

    def get_audience_label(self) -> str:
        return dict(COURSE_AUDIENCES).get(self.audience, "")

    def serve(self, request, *args, **kwargs):
        from education.views.learning import course_page_serve

        return course_page_serve(self, request)


class ModulePage(RoutablePageMixin, Page):
    """A module of a course: lessons to read, then a quiz graded on the server.

    Mark a module optional when passing it is not needed to complete the course. A module
    with no questions is passed by confirming that the lessons were read.
    """

    summary = models.TextField(_("resumen"), max_length=400)
    lessons = StreamField(BaseStreamBlock(), verbose_name=_("lecciones"), blank=True)
    quiz = StreamField(
        QuizStreamBlock(),
        verbose_name=_("cuestionario"),
        blank=True,
        help_text=_(
            "Las respuestas correctas nunca se envían al navegador antes de responder. "
            "En inglés, repite las mismas preguntas en el mismo orden."
        ),
    )
    is_required = models.BooleanField(
        _("obligatorio"), default=True, help_text=_("Hay que aprobarlo para terminar el curso.")
    )

    parent_page_types = ["education.CoursePage"]
    subpage_types = []
    # Lessons and quizzes are for signed-in learners: only the outline goes into the site search.
    search_fields = (
        Page.search_fields + translated_search_fields("title", boost=2) + translated_search_fields("summary")
    )
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("is_required"),
        FieldPanel("lessons"),
        FieldPanel("quiz"),
    ]

    class Meta:
        verbose_name = _("módulo")
        verbose_name_plural = _("módulos")

    def get_course(self) -> "CoursePage":
        return CoursePage.objects.parent_of(self).get()

    @path("")
    def module_view(self, request):
        from education.views.learning import module_page_serve

        return module_page_serve(self, request)

    @path("resultado/<int:attempt_id>/", name="result")
    def result_view(self, request, attempt_id):
        from education.views.learning import module_result_serve

        return module_result_serve(self, request, attempt_id)
