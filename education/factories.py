"""Factories for the education app's tests and benchmarks."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, Site

import factory
import wagtail_factories

from website.factories import (
    HelpChannelFactory,
    HelpPageFactory,
    HomePageFactory,
    MunicipalityFactory,
    StandardPageFactory,
    TopicFactory,
)
from website.models import SiteSettings

from .models import (
    CourseIndexPage,
    CoursePage,
    GuideIndexPage,
    GuidePage,
    Institution,
    InstitutionKind,
    LearnerProfile,
    ModulePage,
)

GUIDE_BODY = [
    {"type": "paragraph", "value": "<p>Habla con tus hijas e hijos sin juzgar.</p>"},
    {"type": "warning_signs", "value": {"title": "Señales de alerta", "intro": "", "signs": ["Esconde la pantalla."]}},
]


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuideIndexPage

    title = "Guías"
    title_en = "Guides"
    slug = "guias"
    slug_en = "guides"
    intro = "Material por edad."


class GuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Guía {n}")
    title_en = factory.Sequence(lambda n: f"Guide {n}")
    slug = factory.Sequence(lambda n: f"guia-{n}")
    slug_en = factory.Sequence(lambda n: f"guide-{n}")
    summary = "Qué hacer y dónde pedir ayuda."
    summary_en = "What to do and where to get help."
    audiences = factory.LazyFunction(lambda: ["familias"])
    age_bands = factory.LazyFunction(lambda: ["secundaria"])
    body = factory.LazyFunction(lambda: GUIDE_BODY)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if not create:
            return
        self.topics.set(extracted if extracted is not None else [TopicFactory(slug="grooming", name_es="Grooming")])
        # A ParentalManyToManyField only writes on save; commit so the topics reach the database.
        self.topics.commit()


def quiz_data(prefix: str) -> list[dict]:
    """A two-question quiz with known keys: question "<prefix>-1" has one right answer
    ("<prefix>-1a"); question "<prefix>-2" has two ("<prefix>-2a" and "<prefix>-2b")."""

    def choice(key, text, correct):
        return {"type": "item", "id": f"{key}-item", "value": {"text": text, "is_correct": correct, "choice_id": key}}

    return [
        {
            "type": "question",
            "id": f"{prefix}-1",
            "value": {
                "prompt": "¿Qué término se usa?",
                "choices": [
                    choice(f"{prefix}-1a", "Material de abuso sexual infantil (MASI).", True),
                    choice(f"{prefix}-1b", "Contenido para adultos.", False),
                    choice(f"{prefix}-1c", "Fotos atrevidas.", False),
                ],
                "explanation": "Si hay niñas o niños implicados, es abuso.",
            },
        },
        {
            "type": "question",
            "id": f"{prefix}-2",
            "value": {
                "prompt": "¿Qué canales son anónimos? Elige todas las correctas.",
                "choices": [
                    choice(f"{prefix}-2a", "Te Protejo México.", True),
                    choice(f"{prefix}-2b", "089.", True),
                    choice(f"{prefix}-2c", "Ninguno.", False),
                ],
                "explanation": "Te Protejo México y el 089 reciben reportes anónimos.",
            },
        },
    ]


def right_answers(prefix: str) -> dict[str, list[str]]:
    return {f"{prefix}-1": [f"{prefix}-1a"], f"{prefix}-2": [f"{prefix}-2a", f"{prefix}-2b"]}


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Cursos"
    title_en = "Courses"
    slug = "cursos"
    slug_en = "courses"
    intro = "Capacitación para personas adultas."


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Curso {n}")
    title_en = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"curso-{n}")
    slug_en = factory.Sequence(lambda n: f"course-{n}")
    audience = "policias"
    summary = "Para cadetes: recibir un reporte sin revictimizar."
    summary_en = "For cadets: receiving a report without re-victimising."
    objectives = "Al terminar podrás nombrar el MASI.\nAl terminar podrás canalizar un caso."
    estimated_hours = Decimal("5")
    pass_mark = 80
    issues_certificate = True


class ModulePageFactory(wagtail_factories.PageFactory):
    """A required module whose quiz keys start with its slug (see quiz_data)."""

    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Módulo {n}")
    title_en = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"modulo-{n}")
    slug_en = factory.Sequence(lambda n: f"module-{n}")
    summary = "Qué es y cómo nombrarlo."
    summary_en = "What it is and how to name it."
    is_required = True
    lessons = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Lección: nombrar el abuso.</p>"}])
    quiz = factory.LazyAttribute(lambda o: quiz_data(o.slug))


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"Academia de prueba {n}")
    kind = InstitutionKind.POLICE_ACADEMY
    municipality = factory.SubFactory(MunicipalityFactory)
    join_code = factory.Sequence(lambda n: f"PRUEBA{n:04d}")


class LearnerFactory(factory.django.DjangoModelFactory):
    """An adult learner: username and e-mail are the same lower-case address, with a profile."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"persona{n}@example.org")
    email = factory.LazyAttribute(lambda o: o.username)
    password = factory.django.Password("contrasena-de-prueba-2026")

    @factory.post_generation
    def profile(self, create, extracted, **kwargs):
        if create:
            LearnerProfile.objects.create(
                user=self,
                display_name=kwargs.get("display_name", "Persona de Prueba"),
                institution=kwargs.get("institution"),
                privacy_accepted_at=timezone.now(),
            )


def build_site_tree():
    """Home (as the default site's root), help page, privacy page, guide library, site settings and
    three help channels (one hidden). It lives here because it includes the guide library.

    Returns a simple namespace-like dict of the pieces.
    """
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Prueba"}
    )
    help_page = HelpPageFactory(parent=home)
    privacy = StandardPageFactory(
        parent=home, title="Aviso de privacidad", title_en="Privacy notice", slug="aviso", slug_en="privacy"
    )
    library = GuideIndexPageFactory(parent=home)
    home.guide_library = library
    home.save()
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.help_page = help_page
    settings_obj.privacy_page = privacy
    settings_obj.save()
    channels = [
        HelpChannelFactory(key="911", name_es="911 Emergencias", phone="911", is_emergency=True, is_anonymous=False),
        HelpChannelFactory(key="te-protejo", name_es="Te Protejo México", sort_order=1),
        HelpChannelFactory(key="oculto", name_es="Canal sin verificar", live=False, sort_order=2),
    ]
    return {"root": root, "home": home, "help": help_page, "privacy": privacy, "library": library, "channels": channels}
