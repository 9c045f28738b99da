from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from quality.scope import may_see_reports
from quality.views import REPORTS


class QualityReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reports(request.user)


@hooks.register("register_admin_urls")
def register_quality_report_urls():
    urls = []
    for slug, view in REPORTS:
        urls += [
            path(f"reports/{slug}/", view.as_view(), name=view.index_url_name),
            path(
                f"reports/{slug}/results/",
                view.as_view(results_only=True),
                name=view.index_results_url_name,
            ),
        ]
    return urls


def menu_item_hook(number, slug, view):
    def menu_item():
        return QualityReportMenuItem(
            view.page_title,
            reverse(view.index_url_name),
            name=f"quality-{slug}",
            icon_name=view.header_icon,
            order=820 + number,
        )

    return menu_item


for _number, (_slug, _view) in enumerate(REPORTS):
    hooks.register("register_reports_menu_item", menu_item_hook(_number, _slug, _view))
