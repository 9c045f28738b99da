import datetime

import pytest
from django.utils import timezone

from careers.factories import CareersIndexPageFactory, JobPageFactory
from home.factories import ContentPageFactory
from research.factories import make_group
from treatments.factories import TreatmentFactory, TreatmentIndexPageFactory, offer
from trials.factories import publish_trial, trial_index


@pytest.fixture
def content(portal, bergen, ous):
    """Two hospitals with a little of everything search looks at."""
    _, _, bergen_home = bergen
    _, _, ous_home = ous
    TreatmentIndexPageFactory(parent=portal)
    trial_index(bergen_home)
    knee = TreatmentFactory(
        title="Kneprotese", summary="Utskifting av slitt kneledd med et kunstig ledd."
    )
    hip = TreatmentFactory(
        title="Hofteprotese", summary="Operasjon der hofteleddet byttes ut med en protese."
    )
    mri = TreatmentFactory(
        title="MR-undersøkelse",
        kind="undersokelse",
        summary="Bilder av kroppen tatt med magnetfelt, uten røntgenstråling.",
    )
    pages = {
        "bergen_knee": offer(bergen_home, knee),
        "bergen_hip": offer(bergen_home, hip),
        "bergen_mri": offer(bergen_home, mri),
        "ous_knee": offer(ous_home, knee),
        "bergen_visit": ContentPageFactory(
            parent=bergen_home,
            title="Besøkstider",
            intro="Besøkstider på sengepostene ved Haukeland universitetssjukehus.",
        ),
        "ous_visit": ContentPageFactory(
            parent=ous_home, title="Besøkstider", intro="Besøkstider ved Rikshospitalet."
        ),
        "ous_trial": publish_trial(
            ous_home,
            title="Studie av robotassistert kneprotese",
            summary="Studien sammenligner robotassistert og vanlig operasjon ved kneartrose.",
        ),
    }
    bergen_jobs = CareersIndexPageFactory(parent=bergen_home)
    pages["open_job"] = JobPageFactory(
        parent=bergen_jobs, title="Sykepleier ved ortopedisk sengepost"
    )
    pages["closed_job"] = JobPageFactory(
        parent=bergen_jobs,
        title="Sykepleier ved kirurgisk sengepost",
        deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    pages["group"] = make_group(
        bergen_home,
        title="Ortopedisk forskningsgruppe",
        short_description="Forskning på proteser i kne og hofte.",
    )
    pages["treatments"] = {"knee": knee, "hip": hip, "mri": mri}
    return pages
