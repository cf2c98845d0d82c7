"""Reach figures that track no one: counters per campaign, material and day.

Nothing about the visitor is stored (no IP address, user agent, cookie or account), only how
many times something happened on a day.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignDailyCount(models.Model):
    """How many times a campaign's page was viewed, its materials downloaded and its kit
    downloaded, on one day (site time zone)."""

    campaign = models.ForeignKey(
        "campaigns.CampaignPage", verbose_name=_("campaña"), on_delete=models.CASCADE, related_name="daily_counts"
    )
    date = models.DateField(_("día"))
    views = models.PositiveIntegerField(_("vistas"), default=0)
    downloads = models.PositiveIntegerField(_("descargas de materiales"), default=0)
    kit_downloads = models.PositiveIntegerField(_("descargas del kit"), default=0)

    class Meta:
        verbose_name = _("conteo diario de campaña")
        verbose_name_plural = _("conteos diarios de campaña")
        constraints = [models.UniqueConstraint(fields=["campaign", "date"], name="campaigns_daily_count_unique")]
        permissions = [("view_campaign_reach", _("Puede ver el alcance de las campañas"))]

    def __str__(self):
        return f"{self.campaign_id} {self.date}"


class MaterialDailyCount(models.Model):
    """How many times one material was downloaded or opened to print on one day.

    The campaign and the material's title are kept so that the figures survive an editor
    removing the material from the campaign.
    """

    campaign = models.ForeignKey(
        "campaigns.CampaignPage", verbose_name=_("campaña"), on_delete=models.CASCADE, related_name="+"
    )
    material = models.ForeignKey(
        "campaigns.CampaignMaterial",
        verbose_name=_("material"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="daily_counts",
    )
    material_title = models.CharField(_("título del material"), max_length=140)
    date = models.DateField(_("día"))
    downloads = models.PositiveIntegerField(_("descargas"), default=0)

    class Meta:
        verbose_name = _("conteo diario de material")
        verbose_name_plural = _("conteos diarios de material")
        constraints = [models.UniqueConstraint(fields=["material", "date"], name="campaigns_material_count_unique")]

    def __str__(self):
        return f"{self.material_title} {self.date}"
