"""Demo content of the campaigns section: the index page, partner organisations and one
campaign per YAML file in campaigns/demo/, each with material drawn from its own words.

Dates are relative to the day the loader runs, so the demo always has a current, an
upcoming and a concluded campaign. Idempotent: an existing campaign (by slug) is left alone.
"""

import datetime
import io
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone, translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from website.demo import child_page, read_yaml, set_translated, stream
from website.models import HelpPage, HomePage, Municipality, Topic

from .artwork import ArtworkText, Slide, render
from .models import (
    CampaignIndexPage,
    CampaignMaterial,
    CampaignPage,
    CampaignPartner,
    CampaignRelatedCourse,
    CampaignRelatedGuide,
    Organisation,
)
from .panels import installed_page_types

DEMO_DIR = Path(__file__).resolve().parent / "demo"
COMMON_DIR = DEMO_DIR / "common"
COLLECTION_NAME = "Campañas"
LANGUAGES = ("es", "en")


def load(*, log) -> None:
    home = HomePage.objects.first()
    if home is None:
        log("Sin página de inicio: carga primero el contenido del sitio.")
        return
    index = load_index(home)
    organisations = load_organisations()
    today = timezone.localdate()
    files = sorted(DEMO_DIR.glob("*.yaml"))
    created = 0
    for path in files:
        _campaign, was_created = load_campaign(index, read_yaml(path), organisations=organisations, today=today)
        created += was_created
    link_home(home, index)
    log(f"Campañas: {created} nuevas de {len(files)} (organizaciones: {len(organisations)})")


def load_index(home: HomePage) -> CampaignIndexPage:
    data = read_yaml(COMMON_DIR / "index.yaml")["index"]
    index, _created = child_page(home, CampaignIndexPage, data, fields=("title", "intro"))
    return index


def load_organisations() -> dict[str, Organisation]:
    organisations = {}
    for data in read_yaml(COMMON_DIR / "organisations.yaml")["organisations"]:
        organisation = Organisation.objects.filter(key=data["key"]).first()
        if organisation is None:
            organisation = Organisation(key=data["key"], url=data.get("url", ""))
            set_translated(organisation, data, ("name", "role"))
            organisation.full_clean()
            organisation.save()
        organisations[data["key"]] = organisation
    return organisations


def load_campaign(index: CampaignIndexPage, data: dict, *, organisations: dict, today: datetime.date):
    """The campaign of `data` under the index, created with its material if it is missing."""
    existing = CampaignPage.objects.child_of(index).filter(slug_es=data["slug"]).first()
    if existing is not None:
        return existing, False
    texts = {code: _artwork_text(data, code) for code in LANGUAGES}
    hero = _image(f"{data['es']['title']}: imagen principal", f"{data['slug']}-principal", "hero-png", texts["es"])
    schedule = data["schedule"]
    municipalities = data["municipalities"]
    campaign, _created = child_page(
        index,
        CampaignPage,
        {
            "slug": data["slug"],
            "slug_en": data.get("slug_en"),
            **{
                code: {
                    **data[code],
                    "key_messages": [{"type": "message", "value": m} for m in data[code]["key_messages"]],
                    "body": stream(data[code]["body"]),
                }
                for code in LANGUAGES
            },
        },
        fields=("title", "summary", "key_messages", "body", "cta_label"),
        extra={
            "start_date": today + datetime.timedelta(days=schedule["starts_in_days"]),
            "end_date": today + datetime.timedelta(days=schedule["ends_in_days"]),
            "audiences": data["audiences"],
            "age_bands": data.get("age_bands", []),
            "targets_all_municipalities": municipalities == "all",
            "hero_image": hero,
            "cta_page": _cta_page(data.get("cta", {})),
        },
    )
    social_image = _add_materials(campaign, data, texts)
    _add_links(campaign, data, organisations)
    # A fresh copy sees the materials and links just created; its many-to-many fields are
    # written when the revision is published.
    campaign = CampaignPage.objects.get(pk=campaign.pk)
    campaign.social_image = social_image
    campaign.topics.set(Topic.objects.filter(slug__in=data["topics"]))
    if municipalities != "all":
        campaign.municipalities.set(Municipality.objects.filter(cvegeo__in=municipalities))
    with translation.override(settings.LANGUAGE_CODE):
        campaign.save_revision().publish()
    return campaign, True


def _artwork_text(data: dict, code: str) -> ArtworkText:
    words = data[code]["artwork"]
    return ArtworkText(
        headline=words["headline"],
        subhead=words["subhead"],
        messages=data[code]["key_messages"],
        help_title=words["help_title"],
        help_lines=words["help_lines"],
        footer=words["footer"],
        primary=data["palette"]["primary"],
        accent=data["palette"]["accent"],
        slides=[Slide(s["title"], s.get("points", [])) for s in words.get("slides", [])],
    )


def _collection() -> Collection:
    collection = Collection.objects.filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
    return collection


def _image(title: str, stem: str, renderer: str, text: ArtworkText):
    content = render(renderer, text)[1]
    image = get_image_model()(
        title=title, collection=_collection(), file=ImageFile(io.BytesIO(content), name=f"{stem}.png")
    )
    image._set_image_file_metadata()
    image.save()
    return image


def _document(title: str, stem: str, renderer: str, text: ArtworkText):
    extension, content = render(renderer, text)
    document = get_document_model()(title=title, collection=_collection())
    document.file.save(f"{stem}.{extension}", ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _add_materials(campaign: CampaignPage, data: dict, texts: dict):
    """Draw each material and attach it; return the Spanish social card for link previews."""
    social_image = None
    for position, item in enumerate(data["materials"]):
        text = texts[item["language"]]
        stem = f"{data['slug']}-{item['kind']}-{item['render']}-{item['language']}"
        title = f"{data['es']['title']}: {item['es']['title']}"
        material = CampaignMaterial(
            campaign=campaign,
            kind=item["kind"],
            language=item["language"],
            size=item.get("size", ""),
            audience=item.get("audience", ""),
            sort_order=position,
        )
        set_translated(material, item, ("title", "description"))
        if item["render"].endswith("-png"):
            material.image = _image(title, stem, item["render"], text)
            transcript = " ".join([text.headline, text.subhead if item["kind"] == "cartel" else "", *text.messages])
            material.alt_text_es = material.alt_text_en = " ".join(transcript.split())[:400]
            if item["kind"] == "tarjeta-redes" and item["language"] == "es" and social_image is None:
                social_image = material.image
        else:
            material.document = _document(title, stem, item["render"], text)
        material.full_clean(exclude=["campaign"])
        material.save()
    return social_image


def _pages_by_slug(model_string: str, slugs) -> dict:
    if not installed_page_types([model_string]):
        return {}
    pages = Page.objects.type(_model(model_string)).filter(slug_es__in=slugs)
    return {page.slug_es: page for page in pages}


def _model(model_string: str):
    from django.apps import apps

    return apps.get_model(model_string)


def _add_links(campaign: CampaignPage, data: dict, organisations: dict) -> None:
    for position, key in enumerate(data.get("partners", [])):
        if key in organisations:
            CampaignPartner.objects.create(campaign=campaign, organisation=organisations[key], sort_order=position)
    guides = _pages_by_slug("education.GuidePage", data.get("related_guides", []))
    for position, slug in enumerate(data.get("related_guides", [])):
        if slug in guides:
            CampaignRelatedGuide.objects.create(campaign=campaign, page=guides[slug], sort_order=position)
    courses = _pages_by_slug("education.CoursePage", data.get("related_courses", []))
    for position, slug in enumerate(data.get("related_courses", [])):
        if slug in courses:
            CampaignRelatedCourse.objects.create(campaign=campaign, page=courses[slug], sort_order=position)


def _cta_page(cta: dict):
    if cta.get("help"):
        return HelpPage.objects.live().first()
    if cta.get("guide"):
        return _pages_by_slug("education.GuidePage", [cta["guide"]]).get(cta["guide"])
    if cta.get("course"):
        return _pages_by_slug("education.CoursePage", [cta["course"]]).get(cta["course"])
    return None


@transaction.atomic
def link_home(home: HomePage, index: CampaignIndexPage) -> None:
    """Point the home page's "Campañas" section at the index, if no one has chosen one yet."""
    home = HomePage.objects.get(pk=home.pk)
    if home.campaigns_page_id is not None:
        return
    home.campaigns_page = index
    with translation.override(settings.LANGUAGE_CODE):
        home.save_revision().publish()
