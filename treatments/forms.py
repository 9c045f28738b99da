"""The admin forms of national treatments and of a hospital's local treatment page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.forms import OwnHospitalPageForm


class TreatmentForm(WagtailAdminModelForm):
    class Media:
        js = ["treatments/js/journey-stages.js"]


class TreatmentPageForm(OwnHospitalPageForm):
    """Where the treatment is given ("Hvor skal du behandles?") is this hospital's locations."""

    def clean(self):
        cleaned_data = super().clean()
        if any(self.is_foreign(location) for location in cleaned_data.get("locations") or []):
            self.add_error("locations", _("Choose locations of this hospital only."))
        return cleaned_data
