from django.urls import path
from wagtail.admin.auth import require_admin_access

from identity import views

# Under /admin/ (never cached, the admin's language), before Wagtail's own admin URLs.
urlpatterns = [
    path("sso/login/", views.sso_login, name="oidc_authentication_init"),
    path("sso/callback/", views.sso_callback, name="oidc_authentication_callback"),
    path("mfa/verify/", views.verify, name="identity_verify"),
    path("mfa/enrol/", views.enrol, name="identity_enrol"),
    # Wagtail's account settings, the password change under the login's lockout.
    path("account/", require_admin_access(views.AccountView.as_view())),
]
