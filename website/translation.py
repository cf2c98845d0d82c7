"""Fields translated with django-modeltranslation (Spanish first, English falls back to Spanish)."""

from modeltranslation.translator import TranslationOptions, register

from .models import HelpChannel, HelpPage, HomePage, SiteSettings, StandardPage, Topic


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("hero_title", "hero_text", "body")


@register(StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(HelpPage)
class HelpPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(Topic)
class TopicTR(TranslationOptions):
    fields = ("name", "description")


@register(HelpChannel)
class HelpChannelTR(TranslationOptions):
    fields = ("name", "receives", "how_to_reach", "hours")


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    fields = ("footer_text",)
