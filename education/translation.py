"""Fields translated with django-modeltranslation (Spanish first, English falls back to Spanish)."""

from modeltranslation.translator import TranslationOptions, register

from .models import GuideIndexPage, GuidePage


@register(GuideIndexPage)
class GuideIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(GuidePage)
class GuidePageTR(TranslationOptions):
    fields = ("summary", "body")
