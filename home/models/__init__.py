from .feedback import PageFeedback
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .pages import ContentPage, HospitalHomePage, PortalHomePage
from .places import (
    DepartmentIndexPage,
    DepartmentLocation,
    DepartmentPage,
    LocationIndexPage,
    LocationPage,
    VisitingHours,
    VisitingHoursException,
)

__all__ = [
    "ContentPage",
    "DepartmentIndexPage",
    "DepartmentLocation",
    "DepartmentPage",
    "HospitalHomePage",
    "LocationIndexPage",
    "LocationPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PageFeedback",
    "PortalHomePage",
    "VisitingHours",
    "VisitingHoursException",
]
