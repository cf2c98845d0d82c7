"""Fields translated with django-modeltranslation (Spanish first, English falls back to Spanish)."""

from modeltranslation.translator import TranslationOptions, register

from .models import CampaignIndexPage, CampaignMaterial, CampaignPage, Organisation


@register(CampaignIndexPage)
class CampaignIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CampaignPage)
class CampaignPageTR(TranslationOptions):
    fields = ("summary", "hero_image_alt", "key_messages", "body", "cta_label")


@register(CampaignMaterial)
class CampaignMaterialTR(TranslationOptions):
    fields = ("title", "description", "alt_text")


@register(Organisation)
class OrganisationTR(TranslationOptions):
    fields = ("name", "role")
