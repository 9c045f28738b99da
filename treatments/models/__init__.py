from .index import TreatmentIndexPage
from .local import TreatmentPage
from .snippets import Category, Diagnosis
from .treatment import Treatment

__all__ = ["Category", "Diagnosis", "Treatment", "TreatmentIndexPage", "TreatmentPage"]
