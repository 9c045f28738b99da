from .pages import (
    ResearchGroupArea,
    ResearchGroupMember,
    ResearchGroupPage,
    ResearchGroupTrial,
    ResearchIndexPage,
    Role,
)
from .editors import GroupEditors, ResearchSettings
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
