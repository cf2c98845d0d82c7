from .guides import GuideIndexPage, GuidePage, GuideRelatedLink

__all__ = ["GuideIndexPage", "GuidePage", "GuideRelatedLink"]
