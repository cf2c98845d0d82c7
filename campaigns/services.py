"""Writes of the campaigns app: counting reach without tracking anyone, and building kits.

Counting stores only numbers per campaign, material and day. Nothing about the visitor (IP
address, user agent, cookie, account) is read beyond deciding whether the request came from
a well-known bot, and nothing about them is kept.
"""

import datetime
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
import zipfile

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import slugify

from .models import (
    CampaignDailyCount,
    CampaignKit,
    CampaignMaterial,
    CampaignPage,
    MaterialDailyCount,
    MaterialKind,
)
from .models.materials import SOCIAL_RENDITIONS
from .selectors import campaign_public_materials

logger = logging.getLogger(__name__)

# Lower-case fragments of the User-Agent of crawlers, link-preview fetchers, monitors and
# scripts. A short list of the well-known ones: the figures are estimates, not an audit.
BOT_USER_AGENT_MARKERS = (
    "bot",
    "crawl",
    "spider",
    "slurp",
    "preview",
    "facebookexternalhit",
    "facebookcatalog",
    "whatsapp",
    "telegram",
    "headless",
    "lighthouse",
    "pingdom",
    "uptime",
    "monitor",
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "httpx",
    "aiohttp",
    "go-http-client",
    "okhttp",
    "java/",
    "libwww",
    "scrapy",
)


def request_is_countable(*, user_agent: str, purpose: str = "") -> bool:
    """Whether a request looks like a person's browser: well-known bots and prefetches are not.

    `purpose` is the Sec-Purpose or Purpose header, which browsers set on speculative loads.
    """
    agent = (user_agent or "").lower()
    if not agent.strip():
        return False
    if "prefetch" in (purpose or "").lower():
        return False
    return not any(marker in agent for marker in BOT_USER_AGENT_MARKERS)


def _increment(model, *, lookup: dict, field: str, defaults: dict | None = None) -> None:
    """Add one to `field` of the row matching `lookup`, creating it if needed.

    One UPDATE ... SET field = field + 1 in the common case; safe when two requests create
    the day's row at the same moment (the unique constraint lets one win, the other updates).
    """
    if model.objects.filter(**lookup).update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **(defaults or {}), **{field: 1})
    except IntegrityError:
        model.objects.filter(**lookup).update(**{field: F(field) + 1})


@transaction.atomic
def campaign_view_count(*, campaign_id: int, day: datetime.date | None = None) -> None:
    """Count one view of a campaign page."""
    _increment(
        CampaignDailyCount, lookup={"campaign_id": campaign_id, "date": day or timezone.localdate()}, field="views"
    )


@transaction.atomic
def material_download_count(*, material: CampaignMaterial, day: datetime.date | None = None) -> None:
    """Count one download (or opening to print) of a material, for the material and its campaign."""
    day = day or timezone.localdate()
    _increment(
        MaterialDailyCount,
        lookup={"material_id": material.pk, "date": day},
        field="downloads",
        defaults={"campaign_id": material.campaign_id, "material_title": material.title_es or material.title},
    )
    _increment(CampaignDailyCount, lookup={"campaign_id": material.campaign_id, "date": day}, field="downloads")


@transaction.atomic
def campaign_kit_download_count(*, campaign_id: int, day: datetime.date | None = None) -> None:
    """Count one download of a campaign's complete kit."""
    _increment(
        CampaignDailyCount,
        lookup={"campaign_id": campaign_id, "date": day or timezone.localdate()},
        field="kit_downloads",
    )


# --- Kits ------------------------------------------------------------------------------

# Bump when the layout of the ZIP changes, so every kit is rebuilt once.
KIT_FORMAT_VERSION = 1
KIT_FOLDERS = {
    MaterialKind.POSTER: "carteles",
    MaterialKind.FLYER: "volantes",
    MaterialKind.SOCIAL_CARD: "redes-sociales",
    MaterialKind.PRESENTATION: "presentaciones",
}
# Already compressed formats are stored as they are: deflating them again costs time, saves nothing.
STORED_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".zip", ".pptx", ".docx", ".odp"}
SPOOL_MAX_BYTES = 16 * 1024 * 1024
FOCAL_POINT_FIELDS = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")


def campaign_kit_fingerprint(*, campaign: CampaignPage, materials: list[CampaignMaterial]) -> str:
    """A hash of everything the kit is made from: which materials, their words and their files.

    Read from the database only (no file is opened), so checking a kit is cheap.
    """
    parts = [KIT_FORMAT_VERSION, campaign.pk, campaign.slug, campaign.title_es, campaign.title_en]
    for material in materials:
        source = material.document or material.image
        parts.append(
            [
                material.pk,
                material.kind,
                material.language,
                material.size,
                material.audience,
                material.title_es,
                material.title_en,
                "document" if material.document else "image",
                source.pk,
                source.file.name,
                source.file_size,
                source.file_hash,
                # The social sizes are cropped around the image's focal point.
                [getattr(source, name, None) for name in FOCAL_POINT_FIELDS],
            ]
        )
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def campaign_kit_current(*, campaign: CampaignPage) -> CampaignKit | None:
    """The campaign's up-to-date kit, rebuilt first if its materials changed; None without materials."""
    materials = campaign_public_materials(campaign=campaign)
    if not materials:
        return None
    kit = CampaignKit.objects.filter(campaign=campaign).first()
    fingerprint = campaign_kit_fingerprint(campaign=campaign, materials=materials)
    if kit is not None and kit.fingerprint == fingerprint and kit.file and default_storage.exists(kit.file.name):
        return kit
    return campaign_kit_build(campaign=campaign)


@transaction.atomic
def campaign_kit_build(*, campaign: CampaignPage, force: bool = False) -> CampaignKit | None:
    """Build the ZIP of all of the campaign's materials into the default storage.

    Does nothing when the stored kit was built from the same materials (unless `force`).
    Concurrent builds of one campaign wait for each other on the kit's row. A campaign with
    no materials has no kit.
    """
    materials = campaign_public_materials(campaign=campaign)
    if not materials:
        _kit_delete(campaign=campaign)
        return None
    fingerprint = campaign_kit_fingerprint(campaign=campaign, materials=materials)
    kit, _created = CampaignKit.objects.select_for_update().get_or_create(
        campaign=campaign, defaults={"fingerprint": "", "built_at": timezone.now()}
    )
    if not force and kit.fingerprint == fingerprint and kit.file and default_storage.exists(kit.file.name):
        return kit

    started = time.perf_counter()
    name = f"campaigns/kits/{campaign.pk}-{slugify(campaign.slug)[:60]}-{fingerprint[:16]}.zip"
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_BYTES) as buffer:
        _kit_write(buffer, campaign=campaign, materials=materials)
        size = buffer.tell()
        buffer.seek(0)
        if default_storage.exists(name):
            default_storage.delete(name)
        saved_name = default_storage.save(name, File(buffer, name=os.path.basename(name)))

    previous = kit.file.name if kit.file else ""
    kit.fingerprint = fingerprint
    kit.file.name = saved_name
    kit.size = size
    kit.material_count = len(materials)
    kit.built_at = timezone.now()
    kit.build_seconds = time.perf_counter() - started
    kit.full_clean()
    kit.save()
    if previous and previous != saved_name:
        transaction.on_commit(lambda: default_storage.delete(previous))
    return kit


def _kit_delete(*, campaign: CampaignPage) -> None:
    kit = CampaignKit.objects.filter(campaign=campaign).first()
    if kit is None:
        return
    name = kit.file.name
    kit.delete()
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


def _kit_write(buffer, *, campaign: CampaignPage, materials: list[CampaignMaterial]) -> None:
    used_names: set[str] = set()
    listing = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for material in materials:
            base = f"{KIT_FOLDERS.get(material.kind, 'material')}/{slugify(material.title_es or material.title)[:70]}"
            base = f"{base}-{material.language}" if material.language else base
            entry = _unique(f"{base}{_extension(material.file.name)}", used_names)
            try:
                _kit_add_file(archive, entry, material.file)
            except FileNotFoundError:
                # A lost upload must not make the whole kit fail: the others are still useful.
                logger.warning("Material %s has no file in storage; left out of the kit", material.pk)
                continue
            listing.append((entry, material, ""))
            if material.has_social_sizes:
                for size_key, (filter_spec, _label) in SOCIAL_RENDITIONS.items():
                    rendition = social_rendition(image=material.image, filter_spec=filter_spec)
                    entry = _unique(f"{base}-{size_key}{_extension(rendition.file.name)}", used_names)
                    _kit_add_file(archive, entry, rendition.file)
                    listing.append((entry, material, size_key))
        archive.writestr("LEEME-README.txt", _kit_readme(campaign=campaign, listing=listing))


def social_rendition(*, image, filter_spec: str):
    """A rendition whose file is really in storage: one recorded but lost (a restored database,
    a cleaned media folder) is made again instead of breaking the download."""
    rendition = image.get_rendition(filter_spec)
    if rendition.file and rendition.file.storage.exists(rendition.file.name):
        return rendition
    logger.warning("Rendition %s of image %s had no file; making it again", filter_spec, image.pk)
    rendition.delete()
    return image.get_rendition(filter_spec)


def _kit_add_file(archive: zipfile.ZipFile, entry: str, file) -> None:
    info = zipfile.ZipInfo(entry, date_time=timezone.localtime().timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED if _extension(entry).lower() in STORED_EXTENSIONS else zipfile.ZIP_DEFLATED
    with file.open("rb") as source, archive.open(info, "w") as target:
        shutil.copyfileobj(source, target, 1024 * 1024)


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _unique(entry: str, used: set[str]) -> str:
    stem, extension = os.path.splitext(entry)
    candidate, number = entry, 2
    while candidate in used:
        candidate = f"{stem}-{number}{extension}"
        number += 1
    used.add(candidate)
    return candidate


def _kit_readme(*, campaign: CampaignPage, listing) -> str:
    """A plain-text list of the kit's files, in Spanish and English."""
    url = campaign.get_full_url() or ""
    sections = []
    for code, heading in (("es", "Contenido del kit"), ("en", "Kit contents")):
        with translation.override(code):
            lines = [getattr(campaign, f"title_{code}") or campaign.title_es, url, "", heading, ""]
            for entry, material, size_key in listing:
                details = [str(material.get_kind_display())]
                if material.audience:
                    details.append(str(material.get_audience_display()))
                if size_key:
                    details.append(str(SOCIAL_RENDITIONS[size_key][1]))
                elif material.size:
                    details.append(str(material.get_size_display()))
                title = getattr(material, f"title_{code}") or material.title_es
                lines.append(f"- {entry}\n  {title} ({'; '.join(details)})")
            sections.append("\n".join(lines))
    return "\n\n".join(sections) + "\n"
