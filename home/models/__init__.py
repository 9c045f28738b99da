from .banners import AlertSettings
from .departments import (
    DepartmentIndexPage,
    DepartmentLocation,
    DepartmentPage,
    VisitingHours,
    VisitingHoursException,
)
from .feedback import PageFeedback
from .images import ImageWithAltText
from .locations import LocationIndexPage, LocationPage
from .navigation import NavigationMenu
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .pages import BasePage, ContentPage, HospitalHomePage, PortalHomePage
from .registry import HealthTrust, Region
from .settings import SiteSettings

__all__ = [
    "AlertSettings",
    "BasePage",
    "ContentPage",
    "DepartmentIndexPage",
    "DepartmentLocation",
    "DepartmentPage",
    "HealthTrust",
    "HospitalHomePage",
    "ImageWithAltText",
    "LocationIndexPage",
    "LocationPage",
    "NavigationMenu",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PageFeedback",
    "PortalHomePage",
    "Region",
    "SiteSettings",
    "VisitingHours",
    "VisitingHoursException",
]
