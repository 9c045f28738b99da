from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve
from wagtail.urls import serve_pattern

from core.editing import CreatePageView
from core.routing import serve
from core.throttling import throttled_restriction_password
from fnsp_site.api import api, not_found
from home.reports import ConfinedPageTypesUsageReportView, ConfinedTranslationsReportView
from home.views import page_feedback
from sharing.views import open_share
from trials import fhir

handler404 = "core.views.page_not_found"

urlpatterns = [
    path("api/open/v1/", api.urls),
    path("api/fhir/metadata", fhir.capability_statement, name="fhir-metadata"),
    path("api/fhir/ResearchStudy", fhir.research_study_search, name="fhir-researchstudy-list"),
    path("api/fhir/ResearchStudy/<int:pk>", fhir.research_study_read, name="fhir-researchstudy"),
    re_path(r"^api(?:/|$)", not_found),
    # Wagtail's add-page URL, served without autosave (core/editing.py); before Wagtail's own.
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        require_admin_access(CreatePageView.as_view()),
    ),
    # Reports that list every site's pages, confined to what the user sees (home/reports.py);
    # at the reports' own URLs, before the admin's.
    path(
        "admin/reports/page-types-usage/",
        require_admin_access(ConfinedPageTypesUsageReportView.as_view()),
    ),
    path(
        "admin/reports/page-types-usage/results/",
        require_admin_access(ConfinedPageTypesUsageReportView.as_view(results_only=True)),
    ),
    path(
        "admin/localize/reports/translations/",
        require_admin_access(ConfinedTranslationsReportView.as_view()),
    ),
    path(
        "admin/localize/reports/translations/results/",
        require_admin_access(ConfinedTranslationsReportView.as_view(results_only=True)),
    ),
    # Single sign-on and the second factor (identity/urls.py), before Wagtail's admin.
    path("admin/", include("identity.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # A private collection's password form, under the login's lockout (core/throttling.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttled_restriction_password(
            wagtaildocs_serve.authenticate_with_password, "restriction_id"
        ),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("tilbakemelding/", page_feedback, name="page_feedback"),
    # A patient's short link: no language prefix, the page's own language is used.
    path("i/<str:token>/", open_share, name="share_open"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Bokmål at /, nynorsk, English and Northern Sami at /nn/, /en/, /se/.
urlpatterns += i18n_patterns(
    path("del/", include("sharing.urls")),
    path("sok/", include("search.urls")),
    # A page's view-restriction password form, under the login's lockout (core/throttling.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled_restriction_password(
            wagtail_views.authenticate_with_password, "page_view_restriction_id"
        ),
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's page view with fewer queries (core/routing.py); Wagtail's own URLs stay for
    # reversing `wagtail_serve` and for its password and login views.
    re_path(serve_pattern, serve),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
