from .editors import GroupEditors, ResearchSettings
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
    "GroupEditors",
    "Person",
    "ResearchArea",
    "ResearchGroupArea",
    "ResearchGroupMember",
    "ResearchGroupPage",
    "ResearchGroupTrial",
    "ResearchIndexPage",
    "ResearchSettings",
    "Role",
]
