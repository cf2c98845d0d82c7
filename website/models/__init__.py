from .pages import HelpPage, HomeFeaturedPage, HomePage, StandardPage
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
