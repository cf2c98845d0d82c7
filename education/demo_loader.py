"""Demo content of the guide library: the library page and one guide per YAML file."""

from pathlib import Path

from django.conf import settings
from django.utils import translation

from website.demo import child_page, read_yaml, refresh_translation_paths, stream
from website.models import HomePage, Topic

from .models import GuideIndexPage, GuidePage, GuideRelatedLink

DEMO_DIR = Path(__file__).resolve().parent / "demo"
MAX_FEATURED = 6


def load(*, log) -> None:
    home = HomePage.objects.get()
    library = load_library(home)
    guide_files = sorted((DEMO_DIR / "guides").glob("*.yaml"))
    guides = {}
    created = 0
    for path in guide_files:
        data = read_yaml(path)
        guides[data["slug"]], was_created = load_guide(library, data)
        created += was_created
    if created:
        link_related(guides, [read_yaml(path) for path in guide_files])
        feature_on_home(home, library, guides, [read_yaml(path) for path in guide_files])
    refresh_translation_paths()
    log(f"Guías: {created} nuevas de {len(guide_files)}")


def load_library(home: HomePage) -> GuideIndexPage:
    data = read_yaml(DEMO_DIR / "library.yaml")["library"]
    library, _created = child_page(home, GuideIndexPage, data, fields=("title", "intro"))
    return library


def load_guide(library: GuideIndexPage, data: dict):
    languages = {code: {**data[code], "body": stream(data[code]["body"])} for code in ("es", "en") if code in data}
    extra = {
        "audiences": data["audiences"],
        "age_bands": data["age_bands"],
        "sources": [
            {"type": "source", "value": {"label": s["label"], "url": s.get("url", "")}} for s in data.get("sources", [])
        ],
    }
    existing = GuidePage.objects.child_of(library).filter(slug_es=data["slug"]).first()
    if existing is not None:
        return existing, False
    guide, _created = child_page(
        library,
        GuidePage,
        {"slug": data["slug"], "slug_en": data.get("slug_en"), **languages},
        fields=("title", "summary", "body"),
        extra=extra,
    )
    guide.topics.set(Topic.objects.filter(slug__in=data["topics"]))
    with translation.override(settings.LANGUAGE_CODE):
        guide.save_revision().publish()
    return guide, True


def link_related(guides: dict, all_data: list[dict]) -> None:
    for data in all_data:
        guide = guides[data["slug"]]
        if guide.related_links.exists():
            continue
        for position, slug in enumerate(data.get("related", [])):
            if slug in guides and slug != data["slug"]:
                GuideRelatedLink.objects.create(guide=guide, page=guides[slug], sort_order=position)


def feature_on_home(home: HomePage, library: GuideIndexPage, guides: dict, all_data: list[dict]) -> None:
    if home.guide_library_id is None:
        home.guide_library = library
    if not home.featured_pages.exists():
        featured = [guides[d["slug"]] for d in all_data if d.get("featured")][:MAX_FEATURED]
        for position, guide in enumerate(featured):
            home.featured_pages.create(page=guide, sort_order=position)
    with translation.override(settings.LANGUAGE_CODE):
        home.save_revision().publish()
