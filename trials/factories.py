import datetime

import factory
import wagtail_factories
from django.utils import timezone

from trials.models import TrialIndexPage, TrialPage


class TrialIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kliniske studier"
    slug = "kliniske-studier"

    class Meta:
        model = TrialIndexPage


class TrialPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Studie {n}")
    summary = "Studien undersøker en ny behandling."
    eligibility = "Voksne over 18 år."
    # Open on whatever day the tests run: dates counted from today, never fixed ones that a
    # later day turns into "closed".
    inclusion_start = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(180))
    inclusion_end = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(365))
    contact_name = "Studiesykepleier"
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = TrialPage
        skip_postgeneration_save = True

    @factory.post_generation
    def links(obj, create, extracted, **kwargs):
        """links={"categories": [...], "diagnoses": [...], ...} sets the many-to-many fields."""
        if create and extracted:
            for name, values in extracted.items():
                getattr(obj, name).set(values)
            obj.save()


def trial_index(home):
    return TrialIndexPage.objects.child_of(home).first() or TrialIndexPageFactory(parent=home)


def publish_trial(home, **fields):
    return TrialPageFactory(parent=trial_index(home), **fields)
