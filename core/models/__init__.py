from .banners import AlertSettings
from .images import ImageWithAltText
from .navigation import NavigationMenu
from .pages import BasePage, BasePageQuerySet, SectionIndexPage, SiteRootPage
from .registry import HealthTrust, Region
from .settings import ChromeVersion, SiteSettings
from .tombstones import Tombstone
from .workflows import SecondPersonApprovalTask

__all__ = [
    "AlertSettings",
    "BasePage",
    "BasePageQuerySet",
    "ChromeVersion",
    "HealthTrust",
    "ImageWithAltText",
    "NavigationMenu",
    "Region",
    "SecondPersonApprovalTask",
    "SectionIndexPage",
    "SiteRootPage",
    "SiteSettings",
    "Tombstone",
]
