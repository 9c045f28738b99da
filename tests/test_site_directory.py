import pytest
from wagtail.models import Locale

from core.sites import SiteDirectory
from home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_pages_map_to_their_site_and_trust_in_a_fixed_number_of_queries(
    portal, bergen, ous, django_assert_num_queries
):
    _t, bergen_site, bergen_home = bergen
    _t, _s, ous_home = ous
    deep = ContentPageFactory(parent=ContentPageFactory(parent=bergen_home))
    ous_page = ContentPageFactory(parent=ous_home)
    english_home = bergen_home.copy_for_translation(Locale.objects.get(language_code="en"))
    english_page = ContentPageFactory(parent=english_home)
    with django_assert_num_queries(3):
        directory = SiteDirectory()
    with django_assert_num_queries(0):
        assert directory.trust_for(deep).slug == "helse-bergen"
        assert directory.site_for(deep) == bergen_site
        assert directory.trust_for(ous_page).slug == "oslo-universitetssykehus"
        assert directory.trust_for(english_page).slug == "helse-bergen"
        assert directory.trust_for(portal) is None
        assert directory.site_for(portal).is_default_site
