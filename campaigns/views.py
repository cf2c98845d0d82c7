"""Counting endpoints and downloads. Thin: the work is in services and selectors.

None of these views reads or sets a cookie, touches the session or stores anything about the
visitor; responses are never cached, so every view and download reaches the server once.
A failure to count is logged and the visitor still gets their answer.
"""

import base64
import logging
import mimetypes
import os

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.images.models import SourceImageIOError

from .models import CampaignMaterial
from .models.materials import SOCIAL_RENDITIONS
from .selectors import campaign_list
from .services import (
    campaign_kit_current,
    campaign_kit_download_count,
    campaign_view_count,
    material_download_count,
    request_is_countable,
    social_rendition,
)

logger = logging.getLogger(__name__)

# "Abrir para imprimir" shows only these in the browser; anything else an editor uploaded
# (an HTML or SVG file could run scripts on this site) is sent as a download.
INLINE_CONTENT_TYPES = {
    "application/pdf",
    "image/avif",
    "image/gif",
    "image/jpeg",
    "image/png",
    "image/webp",
    "text/plain",
}

# A transparent 1×1 GIF for the no-JavaScript view counter.
PIXEL_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def _countable(request) -> bool:
    return request_is_countable(
        user_agent=request.headers.get("User-Agent", ""),
        purpose=request.headers.get("Sec-Purpose") or request.headers.get("Purpose") or "",
    )


def _count_safely(count, **kwargs) -> None:
    """Counting must never cost the visitor their page or file."""
    try:
        count(**kwargs)
    except Exception:
        logger.exception("Campaign reach counting failed (%s)", count.__name__)


@csrf_exempt  # a cookie-less beacon: there is no session to forge requests for
@never_cache
@require_http_methods(["GET", "POST"])
def view_beacon(request, campaign_id: int, image: bool = False):
    """Count one view of a campaign page: a POST from campaigns.js (navigator.sendBeacon), or the
    1×1 image in <noscript> for browsers without JavaScript."""
    if not campaign_list().filter(pk=campaign_id).exists():
        raise Http404
    if _countable(request):
        _count_safely(campaign_view_count, campaign_id=campaign_id)
    if image:
        return HttpResponse(PIXEL_GIF, content_type="image/gif")
    return HttpResponse(status=204)


def _public_material(material_id: int) -> CampaignMaterial:
    material = get_object_or_404(
        CampaignMaterial.objects.select_related("document__collection", "image"),
        pk=material_id,
        campaign__in=campaign_list().values("pk"),
    )
    if not material.is_available:
        raise Http404
    return material


def _material_response(request, material: CampaignMaterial, *, as_attachment: bool) -> FileResponse:
    size_key = request.GET.get("tamano", "")
    stem = slugify(material.title)[:80] or "material"
    if material.language:
        stem = f"{stem}-{material.language}"
    if size_key and size_key in SOCIAL_RENDITIONS and material.has_social_sizes:
        try:
            file = social_rendition(image=material.image, filter_spec=SOCIAL_RENDITIONS[size_key][0]).file
        except SourceImageIOError as error:
            logger.warning("Material %s has no image in storage", material.pk)
            raise Http404 from error
        stem = f"{stem}-{size_key}"
    elif size_key:
        raise Http404
    else:
        file = material.file
    extension = os.path.splitext(file.name)[1].lower()
    content_type = mimetypes.guess_type(f"x{extension}")[0] or "application/octet-stream"
    try:
        handle = file.open("rb")
    except FileNotFoundError as error:
        logger.warning("Material %s has no file in storage", material.pk)
        raise Http404 from error
    return FileResponse(
        handle,
        as_attachment=as_attachment or content_type not in INLINE_CONTENT_TYPES,
        filename=f"{stem}{extension}",
        content_type=content_type,
    )


def _material_counted(request, material_id: int, *, as_attachment: bool):
    material = _public_material(material_id)
    response = _material_response(request, material, as_attachment=as_attachment)
    if _countable(request):
        _count_safely(material_download_count, material=material)
    return response


@never_cache
@require_GET
def material_download(request, material_id: int):
    """Count one download of a material and send its file (or one of its social sizes)."""
    return _material_counted(request, material_id, as_attachment=True)


@never_cache
@require_GET
def material_open(request, material_id: int):
    """Count one opening of a material to print it, and show it in the browser."""
    return _material_counted(request, material_id, as_attachment=False)


@never_cache
@require_GET
def kit_download(request, campaign_id: int):
    """Count one download of the campaign's kit and send the ZIP (rebuilt first if stale)."""
    campaign = get_object_or_404(campaign_list(), pk=campaign_id)
    kit = campaign_kit_current(campaign=campaign)
    if kit is None:
        raise Http404
    response = FileResponse(
        kit.file.open("rb"),
        as_attachment=True,
        filename=f"kit-{slugify(campaign.slug)[:60] or campaign.pk}.zip",
        content_type="application/zip",
    )
    if _countable(request):
        _count_safely(campaign_kit_download_count, campaign_id=campaign.pk)
    return response
