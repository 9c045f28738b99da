import datetime

import pytest

from core.models import HealthTrust
from home.factories import DepartmentIndexPageFactory, DepartmentPageFactory
from treatments.factories import (
    CategoryFactory,
    DiagnosisFactory,
    TreatmentFactory,
    offer,
)
from trials.factories import publish_trial


@pytest.fixture
def open_data(bergen, ous):
    """Two hospitals, three national treatments and three trials."""
    # A fixed approval date in the past, read back as is by the API tests (the factory's default
    # moves with today); nothing here compares it with today.
    approved = datetime.date(2025, 1, 15)
    kreft = CategoryFactory(name="Kreft", slug="kreft")
    hjerte = CategoryFactory(name="Hjerte og kar", slug="hjerte-og-kar")
    c50 = DiagnosisFactory(
        icd10="C50", name="Brystkreft", helsenorge_url="https://www.helsenorge.no/x/"
    )
    i21 = DiagnosisFactory(icd10="I21", name="Hjerteinfarkt")
    stral = TreatmentFactory(
        title="Strålebehandling",
        slug="stralebehandling",
        category=kreft,
        before="<p>Før <b>stråling</b>.</p>",
        approved_date=approved,
    )
    stral.diagnoses.add(c50)
    stral.save()
    pci = TreatmentFactory(
        title="PCI", slug="pci", category=hjerte, kind="behandling", approved_date=approved
    )
    pci.diagnoses.add(i21)
    pci.save()
    gastro = TreatmentFactory(
        title="Gastroskopi",
        slug="gastroskopi",
        category=hjerte,
        kind="undersokelse",
        approved_date=approved,
    )
    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=bergen[2]))
    offer(
        bergen[2],
        stral,
        local_before="<p>Møt i Bergen.</p>",
        practical_information="<p>Parker i P2.</p>",
        contact_cards=[("contact", {"department": department, "location": None, "title": ""})],
    )
    offer(ous[2], stral, local_before="<p>Møt på Radiumhospitalet.</p>")
    offer(ous[2], pci)
    unn = HealthTrust.objects.get(slug="unn")
    t1 = publish_trial(
        bergen[2],
        title="Kortere stråling",
        slug="kortere-straling",
        nct_number="NCT01234567",
        eu_ct_number="2023-501234-12-00",
        rek_number="123456",
        cristin_project_id="2735122",
        phase="3",
        links={
            "categories": [kreft],
            "diagnoses": [c50],
            "treatments": [stral],
            "participating_trusts": [unn],
        },
    )
    t2 = publish_trial(
        ous[2],
        title="Planlagt hjertestudie",
        slug="planlagt-hjertestudie",
        inclusion_start=datetime.date(2099, 1, 1),
        inclusion_end=None,
        links={"categories": [hjerte], "diagnoses": [i21], "treatments": [pci]},
    )
    t3 = publish_trial(
        ous[2],
        title="Stanset studie",
        slug="stanset-studie",
        status_override="suspended",
        phase="1/2",
        links={"categories": [kreft]},
    )
    return {"treatments": (stral, pci, gastro), "trials": (t1, t2, t3)}
