import pytest
from django.contrib.auth.models import Group
from django.test import Client

from core.factories import UserFactory
from sharing.groups import HEALTH_PERSONNEL
from sharing.models import Share
from treatments.factories import TreatmentFactory, offer

HOST = "helse-bergen.localhost"


@pytest.fixture
def treatment_page(bergen):
    treatment = TreatmentFactory(title="Gastroskopi", before="<p>Faste i seks timer.</p>")
    return offer(bergen[2], treatment, local_before="<p>Møt i inngang B.</p>")


@pytest.fixture
def clinician(db):
    return UserFactory(groups=[Group.objects.get(name=HEALTH_PERSONNEL)])


@pytest.fixture
def staff_client(clinician):
    client = Client(HTTP_HOST=HOST)
    client.force_login(clinician)
    return client


@pytest.fixture
def patient_client():
    return Client(HTTP_HOST=HOST)


@pytest.fixture
def make_share(clinician):
    def make(page, **fields):
        fields.setdefault("created_by", clinician)
        return Share.objects.create(page=page, **fields)

    return make
