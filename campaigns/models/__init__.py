from .materials import CampaignKit, CampaignMaterial, MaterialKind, MaterialLanguage, MaterialSize
from .metrics import CampaignDailyCount, MaterialDailyCount
from .organisations import Organisation
from .pages import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPartner,
    CampaignRelatedCourse,
    CampaignRelatedGuide,
    CampaignStatus,
    campaign_status_on,
)

__all__ = [
    "CampaignDailyCount",
    "CampaignIndexPage",
    "CampaignKit",
    "CampaignMaterial",
    "CampaignPage",
    "CampaignPartner",
    "CampaignRelatedCourse",
    "CampaignRelatedGuide",
    "CampaignStatus",
    "MaterialDailyCount",
    "MaterialKind",
    "MaterialLanguage",
    "MaterialSize",
    "Organisation",
    "campaign_status_on",
]
