"""Factories for the education app's tests and benchmarks."""

import factory
import wagtail_factories

from website.factories import TopicFactory

from .models import GuideIndexPage, GuidePage

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
