from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from core.blocks import LinkBlock, SocialLinkBlock
from core.colour import AA_NORMAL_TEXT, HEX_COLOUR, WHITE, contrast_ratio
from core.validators import validate_phone

DEFAULT_THEME_COLOUR = "#005b7f"
DEFAULT_EMERGENCY_NOTICE = "Ved akutt behov, ring 113"


def validate_theme_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Enter a colour as #rrggbb, for example #005b7f."))
    ratio = contrast_ratio(value, WHITE)
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "White text on %(colour)s has a contrast ratio of %(ratio).2f:1; "
                "WCAG 2.1 AA needs at least %(required).1f:1. Choose a darker colour."
            ),
            params={"colour": value, "ratio": ratio, "required": AA_NORMAL_TEXT},
        )


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Branding, contact and navigation of one site (portal or health trust)."""

    display_name = models.CharField(
        _("display name"),
        max_length=120,
        blank=True,
        help_text=_("Shown in the header; the trust's official name when empty."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    theme_colour = models.CharField(
        _("theme colour"),
        max_length=7,
        default=DEFAULT_THEME_COLOUR,
        validators=[validate_theme_colour],
        help_text=_("Background of the header and buttons, behind white text (#rrggbb)."),
    )
    phone = models.CharField(
        _("switchboard phone"),
        max_length=30,
        blank=True,
        validators=[validate_phone],
    )
    email = models.EmailField(_("e-mail"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    visiting_address = models.TextField(_("visiting address"), blank=True)
    emergency_notice = models.CharField(
        _("emergency notice"), max_length=200, default=DEFAULT_EMERGENCY_NOTICE
    )
    main_navigation = models.ForeignKey(
        "core.NavigationMenu",
        verbose_name=_("main navigation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Choose the Bokmål menu; translations are used on translated pages."),
    )
    social_links = StreamField(
        [("social", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )
    footer_links = StreamField(
        [("link", LinkBlock())], verbose_name=_("footer links"), blank=True, max_num=12
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("display_name"), FieldPanel("logo"), FieldPanel("theme_colour")],
            heading=_("Branding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("postal_address"),
                FieldPanel("visiting_address"),
                FieldPanel("emergency_notice"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("main_navigation"),
        FieldPanel("social_links"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def clean(self):
        super().clean()
        menu = self.main_navigation
        if menu is not None and menu.site_id not in (None, self.site_id):
            raise ValidationError(
                {"main_navigation": _("Choose a menu of this site; that one is another site's.")}
            )


class ChromeVersion(models.Model):
    """One row whose number every change to a site's chrome (settings, banners, menu, trust,
    site) raises: the chrome cache's key includes it, so every process sees a change on its
    next request although each keeps its own cache (core/chrome.py)."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.number)
