import pytest

from tests.factories import make_hospital, make_portal


@pytest.fixture
def portal(db):
    return make_portal()


@pytest.fixture
def bergen(db):
    return make_hospital("helse-bergen", phone="55 97 50 00", email="post@eksempel.no")


@pytest.fixture
def ous(db):
    return make_hospital("oslo-universitetssykehus", phone="915 06 770")
