"""One public page of every type, on the portal and two hospitals, for the tests that visit
them all (metadata, the accessibility scan, reflow)."""

from datetime import timedelta

from django.utils import timezone

from careers.factories import (
    CareersIndexPageFactory,
    CoursePageFactory,
    EducationPageFactory,
    JobPageFactory,
    ProfessionPageFactory,
)
from home.factories import (
    ContentPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    make_hospital,
    make_portal,
)
from home.models import DepartmentLocation
from research.factories import PersonFactory, make_group
from tests.content.test_banners import banner, set_banners
from tests.helpers import publish, translate
from treatments.factories import (
    CategoryFactory,
    DiagnosisFactory,
    TreatmentFactory,
    TreatmentIndexPageFactory,
    offer,
)
from trials.factories import TrialIndexPageFactory, publish_trial

BERGEN = "helse-bergen"
OUS = "oslo-universitetssykehus"


def every_page_type():
    """{name: (site slug or None for the portal, path)} of one page of each public type."""
    portal = make_portal()
    _trust, bergen_site, bergen = make_hospital(
        BERGEN,
        phone="55 97 50 00",
        email="post@eksempel.no",
        visiting_address="Haukelandsveien 22\n5021 Bergen",
        emergency_notice="Ved livstruende sykdom eller skade: ring 113.",
    )
    ous = make_hospital(OUS)[2]
    now = timezone.now()
    set_banners(
        bergen_site,
        banner("Sykehuset har besøksstans.", now - timedelta(hours=1), now + timedelta(days=1)),
    )

    category = CategoryFactory(name="Kreft", slug="kreft")
    diagnosis = DiagnosisFactory(name="Brystkreft", icd10="C50")
    treatment = TreatmentFactory(
        title="Brystkreft – operasjon", slug="brystkreft-operasjon", category=category
    )
    treatment.diagnoses.set([diagnosis])
    treatment.save()
    TreatmentFactory(title="Ørebetennelse", slug="orebetennelse", kind="undersokelse")
    TreatmentIndexPageFactory(parent=portal, title="Behandlinger A–Å", slug="behandlinger")
    TrialIndexPageFactory(parent=portal)
    TrialIndexPageFactory(parent=ous)
    offer(bergen, treatment, search_description="Operasjon for brystkreft i Bergen.")
    publish_trial(
        bergen,
        title="Ny behandling av brystkreft",
        slug="ny-behandling",
        nct_number="NCT01234567",
        links={"diagnoses": [diagnosis], "categories": [category]},
    )
    locations = LocationIndexPageFactory(parent=bergen)
    haukeland = LocationPageFactory(
        parent=locations,
        title="Haukeland universitetssjukehus",
        slug="haukeland",
        intro="Hovedsykehuset i Bergen.",
        visiting_address="Haukelandsveien 22\n5021 Bergen",
        latitude="60.373000",
        longitude="5.358000",
        opening_hours="Hele døgnet",
    )
    departments = DepartmentIndexPageFactory(parent=bergen)
    department = DepartmentPageFactory(parent=departments, title="Kreftavdelingen", slug="kreft")
    DepartmentLocation.objects.create(department=department, location=haukeland)
    news = NewsIndexPageFactory(parent=bergen)
    NewsPageFactory(parent=news, title="Ny kreftavdeling åpnet", slug="ny-kreftavdeling")
    ContentPageFactory(parent=bergen, title="Besøkstider", slug="besok", intro="Når du kan komme.")
    make_group(
        bergen,
        title="Forskningsgruppe for translasjonell brystkreftforskning",
        slug="brystkreft",
        leaders=[PersonFactory()],
    )
    careers = CareersIndexPageFactory(parent=bergen)
    JobPageFactory(parent=careers, title="Sykepleier", slug="sykepleier")
    CoursePageFactory(parent=careers, title="Kurs i HLR", slug="hlr")
    EducationPageFactory(parent=careers, title="LIS1", slug="lis1")
    ProfessionPageFactory(parent=careers, title="Jordmor", slug="jordmor")
    translate(bergen, "en", title="Haukeland University Hospital")
    publish(ous)

    return {
        "portal home": (None, "/"),
        "portal treatments A–Å": (None, "/behandlinger/"),
        "national treatment": (None, "/behandlinger/brystkreft-operasjon/"),
        "portal trials": (None, "/kliniske-studier/"),
        "hospital home": (BERGEN, "/"),
        "hospital home, English": (BERGEN, "/en/"),
        "treatments A–Å": (BERGEN, "/behandlinger/"),
        "treatment page": (BERGEN, "/behandlinger/brystkreft-operasjon/"),
        "trial listing": (BERGEN, "/kliniske-studier/"),
        "trial page": (BERGEN, "/kliniske-studier/ny-behandling/"),
        "trial on another site": (OUS, "/kliniske-studier/ny-behandling/"),
        "locations": (BERGEN, "/steder/"),
        "location page": (BERGEN, "/steder/haukeland/"),
        "departments": (BERGEN, "/avdelinger/"),
        "department page": (BERGEN, "/avdelinger/kreft/"),
        "news listing": (BERGEN, "/aktuelt/"),
        "news page": (BERGEN, "/aktuelt/ny-kreftavdeling/"),
        "content page": (BERGEN, "/besok/"),
        "research listing": (BERGEN, "/forskning/"),
        "research group": (BERGEN, "/forskning/brystkreft/"),
        "careers": (BERGEN, "/jobb/"),
        "job page": (BERGEN, "/jobb/sykepleier/"),
        "course page": (BERGEN, "/jobb/hlr/"),
        "education page": (BERGEN, "/jobb/lis1/"),
        "profession page": (BERGEN, "/jobb/jordmor/"),
        "search": (BERGEN, "/sok/?q=kreft"),
    }
