"""Fields translated with django-modeltranslation (Spanish first, English falls back to Spanish)."""

from modeltranslation.translator import TranslationOptions, register

from .models import CourseIndexPage, CoursePage, GuideIndexPage, GuidePage, ModulePage


@register(GuideIndexPage)
class GuideIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(GuidePage)
class GuidePageTR(TranslationOptions):
    fields = ("summary", "body")


@register(CourseIndexPage)
class CourseIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CoursePage)
class CoursePageTR(TranslationOptions):
    fields = ("summary", "objectives")


@register(ModulePage)
class ModulePageTR(TranslationOptions):
    fields = ("summary", "lessons", "quiz")
