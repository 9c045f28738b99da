"""Admin forms of pages that point at a hospital's departments and locations."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError, StreamValue, StructBlockValidationError

from core.sites import root_path, site_paths_of
from home.blocks import ContactCardBlock

FOREIGN = {
    "department": _("Choose a department of this hospital."),
    "location": _("Choose a location of this hospital."),
}


class OwnHospitalPageForm(WagtailAdminPageForm):
    """A contact card shows one hospital's department or location on that hospital's pages
    only. Checked on the submitted values, for drafts and publishing alike: the page's saved
    relations are not what the editor chose."""

    def own_roots(self):
        """Root paths, every locale, of the site the page is (or is being added) on."""
        if not hasattr(self, "_own_roots"):
            self._own_roots = set(site_paths_of(self.parent_page))
        return self._own_roots

    def is_foreign(self, page):
        return page is not None and root_path(page) not in self.own_roots()

    def clean(self):
        cleaned_data = super().clean()
        for name, value in list(cleaned_data.items()):
            if isinstance(value, StreamValue):
                self.check_contact_cards(name, value)
        return cleaned_data

    def check_contact_cards(self, name, stream):
        errors = {}
        for index, child in enumerate(stream):
            if isinstance(child.block, ContactCardBlock):
                wrong = {
                    field: ValidationError(message)
                    for field, message in FOREIGN.items()
                    if self.is_foreign(child.value.get(field))
                }
                if wrong:
                    errors[index] = StructBlockValidationError(block_errors=wrong)
        if errors:
            self.add_error(name, StreamBlockValidationError(block_errors=errors))
