from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class ImageWithAltText(models.Model):
    """An optional image and the alt text it requires.

    The alt text is a field of the page, not of the image, so wagtail-localize offers it for
    translation with the rest of the page.
    """

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Required with an image: what the image shows, for those who cannot see it."),
    )

    image_panel = MultiFieldPanel(
        [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for those who cannot see it.")}
            )
