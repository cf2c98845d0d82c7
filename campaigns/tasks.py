"""Background work of the campaigns app (django-tasks: runs in the request with the default
immediate backend; a task worker takes it out of the request when one is configured)."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def campaign_kit_build_task(campaign_id: int) -> None:
    """Build (or check) the kit of a live campaign, so the first download finds it ready."""
    from .models import CampaignPage
    from .services import campaign_kit_build

    campaign = CampaignPage.objects.live().filter(pk=campaign_id).first()
    if campaign is None:
        return
    try:
        campaign_kit_build(campaign=campaign)
    except Exception:
        logger.exception("Building the kit of campaign %s failed", campaign_id)
        raise
