"""The admin forms of national treatments and of a hospital's local treatment page."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.sites import on_sites, trust_of
from home.forms import OwnHospitalPageForm
from home.models import LocationPage


class TreatmentForm(WagtailAdminModelForm):
    class Media:
        js = ["treatments/js/journey-stages.js"]


class TreatmentPageForm(OwnHospitalPageForm):
    """Where the treatment is given ("Hvor skal du behandles?") is this hospital's locations:
    only they are offered, in the page's language (and whichever are chosen already, so that
    saving drops none unseen); another is refused as an invalid choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("locations")
        if field is None:
            return
        chosen = [location.pk for location in self.instance.locations.all()]
        field.queryset = on_sites(
            LocationPage.objects.filter(Q(locale=self.parent_page.locale_id) | Q(pk__in=chosen)),
            self.own_roots(),
        ).order_by("title")
        field.error_messages["invalid_choice"] = _("Choose locations of this hospital only.")
        trust = trust_of(self.parent_page)
        if trust is not None:
            field.help_text = _("Locations of %(hospital)s where this treatment is given.") % {
                "hospital": trust.name
            }
