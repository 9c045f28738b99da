"""Factories of the shared models: users, menus. The demo data and the tests build with these."""

import factory
from django.contrib.auth import get_user_model

from core.models import NavigationMenu, SiteSettings


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@eksempel.no")
    password = factory.django.Password("correct horse battery staple")
    is_active = True

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class NavigationMenuFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Hovedmeny {n}")

    class Meta:
        model = NavigationMenu


def set_menu(site, pages, title=None):
    menu = NavigationMenuFactory(
        title=title or f"Hovedmeny {site.site_name}",
        site=site,
        items=[("link", {"label": page.title, "page": page, "url": ""}) for page in pages],
    )
    site_settings = SiteSettings.for_site(site)
    site_settings.main_navigation = menu
    site_settings.save()
    return menu
