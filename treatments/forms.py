"""The admin form of a hospital's local treatment page."""

from django.utils.translation import gettext_lazy as _

from home.forms import OwnHospitalPageForm


class TreatmentPageForm(OwnHospitalPageForm):
    """Where the treatment is given ("Hvor skal du behandles?") is this hospital's locations."""

    def clean(self):
        cleaned_data = super().clean()
        if any(self.is_foreign(location) for location in cleaned_data.get("locations") or []):
            self.add_error("locations", _("Choose locations of this hospital only."))
        return cleaned_data
