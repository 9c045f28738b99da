from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = _("Sharing with patients")

    def ready(self):
        from sharing.groups import ensure_health_personnel_group

        post_migrate.connect(ensure_health_personnel_group, sender=self)
