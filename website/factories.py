"""Factories for tests and benchmarks (not for demo content: that lives in website/demo/)."""

import factory
import factory.random
import wagtail_factories

from .models import HelpChannel, HelpPage, HomePage, Municipality, StandardPage, Topic

factory.random.reseed_random("protege-en-linea")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name_es = factory.Sequence(lambda n: f"Tema {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")


class HelpChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpChannel
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"canal-{n}")
    name_es = factory.Sequence(lambda n: f"Canal {n}")
    name_en = factory.Sequence(lambda n: f"Channel {n}")
    receives_es = "Reportes de explotación sexual en línea."
    receives_en = "Reports of online sexual exploitation."
    is_anonymous = True


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("cvegeo",)

    cvegeo = factory.Sequence(lambda n: f"14{n % 1000:03d}")
    state_code = "14"
    municipality_code = factory.LazyAttribute(lambda o: o.cvegeo[2:])
    name = factory.Sequence(lambda n: f"Municipio {n}")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Inicio"
    title_en = "Home"
    slug = "inicio"
    hero_title = "Protejamos juntos a niñas, niños y adolescentes"
    hero_title_en = "Let's protect children together"
    hero_text = "Guías, cursos y campañas."
    hero_text_en = "Guides, courses and campaigns."


class HelpPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HelpPage

    title = "Pide ayuda / Denunciar"
    title_en = "Get help / Report"
    slug = "pide-ayuda"
    slug_en = "get-help"
    intro = "<p>Si hay peligro ahora, llama al 911.</p>"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Página {n}")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"pagina-{n}")
    slug_en = factory.Sequence(lambda n: f"page-{n}")
    intro = "Una página de contenido."
