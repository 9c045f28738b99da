from .index import TrialIndexPage
from .trial import TrialPage

__all__ = ["TrialIndexPage", "TrialPage"]
