from .education import EducationPage, ProfessionPage
from .events import Audience, CoursePage, EventPage
from .index import CareersIndexPage
from .jobs import JobPage, PositionType
from .snippets import Profession

__all__ = [
    "Audience",
    "CareersIndexPage",
    "CoursePage",
    "EducationPage",
    "EventPage",
    "JobPage",
    "PositionType",
    "Profession",
    "ProfessionPage",
]
