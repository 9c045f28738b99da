import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from research.models import (
    Person,
    ResearchArea,
    ResearchGroupArea,
    ResearchGroupMember,
    ResearchGroupPage,
    ResearchGroupTrial,
    ResearchIndexPage,
    Role,
)


class ResearchAreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Område {n}")
    slug = factory.Sequence(lambda n: f"omrade-{n}")

    class Meta:
        model = ResearchArea


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Forsker {n}")
    title = "professor"

    class Meta:
        model = Person


class ResearchIndexPageFactory(wagtail_factories.PageFactory):
    title = "Forskning"
    slug = "forskning"

    class Meta:
        model = ResearchIndexPage


class ResearchGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Forskningsgruppe {n}")
    short_description = "Gruppen forsker på behandling."
    aims = "<p>Målet er bedre behandling.</p>"
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ResearchGroupPage


def research_index(home):
    return ResearchIndexPage.objects.child_of(home).first() or ResearchIndexPageFactory(parent=home)


def make_group(home, *, areas=(), members=(), leaders=(), trials=(), **fields):
    group = ResearchGroupPageFactory(parent=research_index(home), **fields)
    group.area_links = [ResearchGroupArea(area=area) for area in areas]
    group.members = [ResearchGroupMember(person=p, role=Role.LEADER) for p in leaders] + [
        ResearchGroupMember(person=p, role=Role.MEMBER) for p in members
    ]
    group.trial_links = [ResearchGroupTrial(trial=trial) for trial in trials]
    group.save_revision().publish()
    return ResearchGroupPage.objects.get(pk=group.pk)


def translate_snippet(obj, code, **fields):
    """A plain (revision-less) translatable snippet's translation, e.g. a category or area."""
    translated = obj.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated
