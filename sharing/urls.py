"""Staff views, mounted at /del/ inside the language prefixes (the patient's link is /i/)."""

from django.urls import path

from sharing import views

app_name = "sharing"
urlpatterns = [
    path("", views.share_list, name="list"),
    path("ny/<int:page_id>/", views.create_share, name="create"),
    path("<int:pk>/", views.share_detail, name="detail"),
    path("<int:pk>/trekk-tilbake/", views.revoke_share, name="revoke"),
]
