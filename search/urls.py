from django.urls import path

from search import views

urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete", views.autocomplete, name="search_autocomplete"),
]
