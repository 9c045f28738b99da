from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = _("Careers")

    def ready(self):
        from careers.models import JobPage
        from careers.models.events import CoursePage, EventPage
        from core.tombstones import track

        track(JobPage, "jobs")
        track(CoursePage, "events")
        track(EventPage, "events")
