"""Keep the research groups' editor groups current as pages and settings change."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from research.groups import sync_group_editors, sync_site_group_editors
from research.models import ResearchGroupPage, ResearchSettings


@receiver(post_save, sender=ResearchGroupPage)
def group_page_created(instance, created, **kwargs):
    # A new group, or a new translation of one (wagtail-localize creates it as a new page):
    # its editors get their rights on it at once, not at the next sync_site_groups.
    if created:
        sync_group_editors(instance.translation_key)


@receiver(post_save, sender=ResearchSettings)
def research_settings_changed(instance, **kwargs):
    sync_site_group_editors(instance.site)
