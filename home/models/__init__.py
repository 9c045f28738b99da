from .navigation import NavigationMenu
from .pages import BasePage, ContentPage, HospitalHomePage, PortalHomePage
from .registry import HealthTrust, Region
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "ContentPage",
    "HealthTrust",
    "HospitalHomePage",
    "NavigationMenu",
    "PortalHomePage",
    "Region",
    "SiteSettings",
]
