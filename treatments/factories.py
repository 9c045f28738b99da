import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from treatments.models import Category, Diagnosis, Treatment, TreatmentIndexPage, TreatmentPage


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Fagområde {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = Category


class DiagnosisFactory(factory.django.DjangoModelFactory):
    icd10 = factory.Sequence(lambda n: f"C{n % 100:02d}.{n // 100}")
    name = factory.Sequence(lambda n: f"Diagnose {n}")

    class Meta:
        model = Diagnosis


class TreatmentFactory(factory.django.DjangoModelFactory):
    """A published national treatment (the row holds the live version, with a revision)."""

    title = factory.Sequence(lambda n: f"Behandling {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = Treatment._meta.get_field("kind").default
    summary = "Kort om behandlingen."
    category = factory.SubFactory(CategoryFactory)
    referral = "<p>Nasjonal tekst om henvisning.</p>"
    before = "<p>Nasjonal tekst før.</p>"
    during = "<p>Nasjonal tekst under.</p>"
    after = "<p>Nasjonal tekst etter.</p>"
    # Approved a year before the day the tests run, so the review (three years on) is never due
    # by accident of the date.
    approved_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(365))
    live = True

    class Meta:
        model = Treatment
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if create and obj.live:
            obj.save_revision().publish()
            obj.refresh_from_db()


class TreatmentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Behandlinger"
    slug = "behandlinger"

    class Meta:
        model = TreatmentIndexPage


class TreatmentPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda o: o.treatment.title)
    slug = factory.LazyAttribute(lambda o: o.treatment.slug)
    treatment = factory.SubFactory(TreatmentFactory)
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = TreatmentPage


def offer(home, treatment, **fields):
    """A hospital's local page for `treatment`, creating its /behandlinger/ index if needed."""
    index = TreatmentIndexPage.objects.child_of(home).first() or TreatmentIndexPageFactory(
        parent=home
    )
    return TreatmentPageFactory(parent=index, treatment=treatment, **fields)


def publish_revision(treatment, **changes):
    for name, value in changes.items():
        setattr(treatment, name, value)
    treatment.save_revision().publish()
    treatment.refresh_from_db()
    return treatment


def save_draft(treatment, **changes):
    for name, value in changes.items():
        setattr(treatment, name, value)
    return treatment.save_revision()
