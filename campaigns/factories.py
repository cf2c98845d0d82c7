"""Factories for the campaigns app's tests and benchmarks (demo content lives in campaigns/demo/)."""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import factory
import wagtail_factories
from PIL import Image

from website.factories import TopicFactory

from .models import CampaignIndexPage, CampaignMaterial, CampaignPage, MaterialKind, Organisation

KEY_MESSAGES = [{"type": "message", "value": "Si algo en línea te preocupa, cuéntalo."}]
BODY = [{"type": "paragraph", "value": "<p>Busca a una persona adulta de confianza.</p>"}]


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"organizacion-{n}")
    name_es = factory.Sequence(lambda n: f"Organización {n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    role_es = "Difunde la campaña"
    role_en = "Spreads the word"


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignIndexPage

    title = "Campañas"
    title_en = "Campaigns"
    slug = "campanas"
    slug_en = "campaigns"
    intro = "Campañas de prevención."


class CampaignPageFactory(wagtail_factories.PageFactory):
    """A current campaign in every municipality, unless told otherwise."""

    class Meta:
        model = CampaignPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Campaña {n}")
    title_en = factory.Sequence(lambda n: f"Campaign {n}")
    slug = factory.Sequence(lambda n: f"campana-{n}")
    slug_en = factory.Sequence(lambda n: f"campaign-{n}")
    summary = "Qué pide la campaña y a quién."
    summary_en = "What the campaign asks and of whom."
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))
    audiences = factory.LazyFunction(lambda: ["familias"])
    age_bands = factory.LazyFunction(lambda: ["primaria_alta"])
    targets_all_municipalities = True
    key_messages = factory.LazyFunction(lambda: KEY_MESSAGES)
    body = factory.LazyFunction(lambda: BODY)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if not create:
            return
        self.topics.set(extracted if extracted is not None else [TopicFactory(slug="grooming", name_es="Grooming")])
        self.save()

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.targets_all_municipalities = False
            self.municipalities.set(extracted)
            self.save()


def image_file(name: str = "tarjeta.png", size=(1200, 1200), color="#5b2a86") -> ImageFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


def make_image(title: str = "Tarjeta", **kwargs):
    image = get_image_model()(title=title, file=image_file(**kwargs))
    image._set_image_file_metadata()
    image.save()
    return image


def make_document(title: str = "Cartel", content: bytes = b"%PDF-1.4\n% cartel\n", name: str = "cartel.pdf"):
    document = get_document_model()(title=title, file=ContentFile(content, name=name))
    document._set_document_file_metadata()
    document.save()
    return document


def add_material(
    campaign: CampaignPage, *, kind=MaterialKind.POSTER, title="Cartel", document=None, image=None, **extra
):
    """Attach a material (a PDF document unless an image is given) straight to the live campaign."""
    if document is None and image is None:
        document = make_document(title=title)
    material = CampaignMaterial(
        campaign=campaign,
        kind=kind,
        title_es=title,
        title_en=f"{title} (en)",
        document=document,
        image=image,
        alt_text_es="Texto de la imagen" if image else "",
        language=extra.pop("language", "es"),
        sort_order=extra.pop("sort_order", CampaignMaterial.objects.filter(campaign=campaign).count()),
        **extra,
    )
    material.full_clean(exclude=["campaign"])
    material.save()
    return material
