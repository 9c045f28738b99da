from .editors import GroupEditors, ResearchSettings
from .nva import ImportedProject, ImportedResult
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
    "ImportedProject",
    "ImportedResult",
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
