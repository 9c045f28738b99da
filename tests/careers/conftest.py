import pytest

from careers.factories import CareersIndexPageFactory


@pytest.fixture
def bergen_jobb(bergen):
    _trust, _site, home = bergen
    return CareersIndexPageFactory(parent=home)


@pytest.fixture
def ous_jobb(ous):
    _trust, _site, home = ous
    return CareersIndexPageFactory(parent=home)


@pytest.fixture
def portal_jobb(portal):
    return CareersIndexPageFactory(parent=portal, title="Ledige stillinger")
