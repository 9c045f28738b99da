from .banners import AlertSettings
from .images import ImageWithAltText
from .navigation import NavigationMenu
from .pages import BasePage, SectionIndexPage, SiteRootPage
from .registry import HealthTrust, Region
from .settings import SiteSettings

__all__ = [
    "AlertSettings",
    "BasePage",
    "HealthTrust",
    "ImageWithAltText",
    "NavigationMenu",
    "Region",
    "SectionIndexPage",
    "SiteRootPage",
    "SiteSettings",
]
