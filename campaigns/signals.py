"""Keep each campaign's kit in step with its materials: rebuilt after the campaign is
published and after a document or image it uses is replaced. The download also checks the
kit's fingerprint, so a missed signal only means the first download builds it."""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def _enqueue_kit_builds(campaign_ids) -> None:
    from .tasks import campaign_kit_build_task

    def enqueue():
        for campaign_id in sorted(set(campaign_ids)):
            try:
                campaign_kit_build_task.enqueue(campaign_id)
            except Exception:
                # Publishing must not fail because a kit could not be queued.
                logger.exception("Could not queue the kit of campaign %s", campaign_id)

    transaction.on_commit(enqueue)


def campaign_published(sender, instance, **kwargs) -> None:
    _enqueue_kit_builds([instance.pk])


def material_file_saved(sender, instance, created, **kwargs) -> None:
    """A document or image changed: rebuild the kits of the live campaigns that use it."""
    if created:
        return
    from .models import CampaignMaterial

    field = "document" if sender._meta.app_label == "wagtaildocs" else "image"
    campaign_ids = list(
        CampaignMaterial.objects.filter(**{field: instance}, campaign__live=True).values_list("campaign_id", flat=True)
    )
    if campaign_ids:
        _enqueue_kit_builds(campaign_ids)
