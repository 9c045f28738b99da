import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.colour import contrast_ratio
from core.factories import UserFactory
from core.models import SiteSettings
from core.models.settings import validate_theme_colour


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # #767676 is the lightest grey that passes AA on white.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", ["#005b7f", "#767676", "#000000"])
def test_dark_theme_colours_pass(colour):
    validate_theme_colour(colour)


@pytest.mark.parametrize("colour", ["#777777", "#ffcc00", "#00a0e0", "red", "#12345", ""])
def test_light_or_malformed_theme_colours_are_rejected(colour):
    with pytest.raises(ValidationError):
        validate_theme_colour(colour)


@pytest.mark.django_db
def test_admin_rejects_a_theme_colour_without_aa_contrast_with_a_form_error(client, bergen):
    _trust, site, _home = bergen
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])
    form = client.get(url).context["form"]
    data = {
        name: value if value is not None else ""
        for name, value in form.initial.items()
        if name not in {"social_links", "footer_links", "logo", "main_navigation"}
    }
    data.update(
        {
            "theme_colour": "#ffcc00",
            "social_links-count": "0",
            "footer_links-count": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "theme_colour" in errors
    assert "WCAG 2.1 AA" in str(errors["theme_colour"])
    assert SiteSettings.for_site(site).theme_colour != "#ffcc00"

    data["theme_colour"] = "#0b5a3a"
    response = client.post(url, data)
    assert response.status_code == 302
    assert SiteSettings.for_site(site).theme_colour == "#0b5a3a"


@pytest.mark.django_db
def test_admin_bookmarks_from_before_the_move_to_core_still_lead_to_the_same_screens(
    client, bergen
):
    _trust, site, _home = bergen
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    for old, new in [
        (
            f"/admin/settings/home/sitesettings/{site.pk}/",
            reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk]),
        ),
        (
            "/admin/settings/home/alertsettings/",
            reverse("wagtailsettings:edit", args=["core", "alertsettings"]),
        ),
        (
            "/admin/snippets/home/navigationmenu/?q=meny",
            reverse("wagtailsnippets_core_navigationmenu:list") + "?q=meny",
        ),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new
        assert client.get(new).status_code in (200, 302)
    assert client.get("/admin/settings/home/contentpage/").status_code == 404
