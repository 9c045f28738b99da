import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Page, Site

from core.models import HealthTrust, SiteSettings
from home.models import ContentPage, HospitalHomePage, PortalHomePage


class PortalHomePageFactory(wagtail_factories.PageFactory):
    title = "Spesialisthelsetjenesten"
    slug = "portal"
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = PortalHomePage


class HospitalHomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sykehus {n}")
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = HospitalHomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Innholdsside {n}")
    intro = "Ingress."
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ContentPage


def make_portal():
    """The national portal as the default site at localhost."""
    root = Page.get_first_root_node()
    portal = PortalHomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = portal
    site.hostname = "localhost"
    site.site_name = "Spesialisthelsetjenesten"
    site.save()
    return portal


def make_hospital(slug, *, menu_pages=(), **settings_fields):
    """A trust's site: home page, Site at <slug>.localhost, settings and optional menu."""
    trust = HealthTrust.objects.get(slug=slug)
    home = HospitalHomePageFactory(parent=Page.get_first_root_node(), title=trust.name, slug=slug)
    site = Site.objects.create(
        hostname=f"{slug}.localhost", port=8000, site_name=trust.name, root_page=home
    )
    trust.site = site
    trust.save()
    site_settings = SiteSettings.for_site(site)
    for name, value in settings_fields.items():
        setattr(site_settings, name, value)
    site_settings.save()
    return trust, site, home


class LocationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Steder"
    slug = "steder"

    class Meta:
        model = "home.LocationIndexPage"


class LocationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sted {n}")
    visiting_address = "Eksempelveien 1\n5000 Eksempelby"
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = "home.LocationPage"


class DepartmentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Avdelinger"
    slug = "avdelinger"

    class Meta:
        model = "home.DepartmentIndexPage"


class DepartmentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Avdeling {n}")
    phone = "55 00 00 01"
    email = "avdeling@eksempel.no"
    phone_hours = "Mandag–fredag 08.00–15.00"
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = "home.DepartmentPage"


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuelt"
    slug = "aktuelt"

    class Meta:
        model = "home.NewsIndexPage"


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    lead = "Ingress til nyheten."
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = "home.NewsPage"
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        """`tags=["Forskning", ...]`, stored without saving the page again."""
        if create and extracted:
            obj.tags.add(*extracted)
            obj.tagged_items.commit()
