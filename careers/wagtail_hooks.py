from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from careers.models import JobPage, Profession
from core.viewsets import SnippetViewSet


class ProfessionViewSet(SnippetViewSet):
    model = Profession
    icon = "user"
    menu_label = gettext_lazy("Professions")
    menu_order = 310
    add_to_admin_menu = False
    list_display = ["name", "slug", "group"]
    list_filter = ["group"]
    search_fields = ["name", "description"]


register_snippet(ProfessionViewSet)


def warn_about_past_deadline(request, page):
    """A job saved with a deadline before today is accepted but hidden at once: say so.

    A warning, not a form error: editors sometimes record a closed position on purpose,
    for instance to keep its page for candidates who already applied.
    """
    if isinstance(page, JobPage) and page.deadline < timezone.localdate():
        messages.warning(
            request,
            _(
                "The application deadline (%(deadline)s) is before today: this job is not "
                "shown in any listing and says that the deadline has passed."
            )
            % {"deadline": date_format(page.deadline, "j. F Y")},
        )


hooks.register("after_create_page", warn_about_past_deadline)
hooks.register("after_edit_page", warn_about_past_deadline)


@hooks.register("fnsp_national_editor_permissions")
def national_profession_permissions():
    return ["careers.add_profession", "careers.change_profession"]


@hooks.register("fnsp_site_editor_permissions")
def site_profession_permissions():
    # Professions are national; a site's editors only choose them for jobs and courses.
    return ["careers.view_profession"]
