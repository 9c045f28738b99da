from careers.choices import Audience, PositionType

from .education import EducationPage, ProfessionPage
from .events import CoursePage, EventPage
from .index import CareersIndexPage
from .jobs import JobPage
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
