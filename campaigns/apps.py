from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campañas")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.signals import page_published

        from . import signals
        from .models import CampaignPage

        page_published.connect(signals.campaign_published, sender=CampaignPage, dispatch_uid="campaigns_kit_on_publish")
        post_save.connect(
            signals.material_file_saved, sender=get_document_model(), dispatch_uid="campaigns_kit_document"
        )
        post_save.connect(signals.material_file_saved, sender=get_image_model(), dispatch_uid="campaigns_kit_image")
