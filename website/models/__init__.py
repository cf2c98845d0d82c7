from .pages import HomeFeaturedPage, HomePage, HelpPage, StandardPage
from .places import Municipality
from .settings import SiteSettings
from .snippets import HelpChannel, Topic

__all__ = [
    "HelpChannel",
    "HelpPage",
    "HomeFeaturedPage",
    "HomePage",
    "Municipality",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
