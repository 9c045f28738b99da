from .pages import (
    ResearchGroupArea,
    ResearchGroupMember,
    ResearchGroupPage,
    ResearchGroupTrial,
    ResearchIndexPage,
    Role,
)
from .snippets import Person, ResearchArea

__all__ = [
    "Person",
    "ResearchArea",
    "ResearchGroupArea",
    "ResearchGroupMember",
    "ResearchGroupPage",
    "ResearchGroupTrial",
    "ResearchIndexPage",
    "Role",
]
