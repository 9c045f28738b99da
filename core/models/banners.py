"""Crisis and alert banners: per site, and national ones from the portal's settings."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from core.blocks import AlertBannerBlock


@register_setting(icon="warning")
class AlertSettings(BaseSiteSetting):
    """A site's alert banners. The portal's banners are national: they show on every site.

    A setting rather than a snippet so that Wagtail's per-site setting permission decides
    who may publish them: each site's webmasters, and the portal's for national banners.
    """

    banners = StreamField(
        [("banner", AlertBannerBlock())],
        verbose_name=_("alert banners"),
        blank=True,
        max_num=10,
        help_text=_(
            "Shown at the top of every page of this site from their start until their end. "
            "Banners set on the national portal show on every site."
        ),
    )

    panels = [FieldPanel("banners")]

    class Meta:
        verbose_name = _("alert banners")
        verbose_name_plural = _("alert banners")


def _aware(value):
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def next_banner_change(streams, now=None):
    """The next moment a banner of `streams` starts or ends, or None."""
    now = now or timezone.now()
    moments = (
        _aware(block.value[edge])
        for stream in streams
        for block in stream
        for edge in ("start", "end")
    )
    return min((moment for moment in moments if moment > now), default=None)


def active_banners(streams, now=None):
    """The banners of `streams` whose [start, end) contains now, in order."""
    now = now or timezone.now()
    return [
        block.value
        for stream in streams
        for block in stream
        if _aware(block.value["start"]) <= now < _aware(block.value["end"])
    ]
