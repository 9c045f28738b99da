"""The bare-Django reference of `make bench`: one view returning a fixed 20 KB page, served by
gunicorn exactly as the project is (same workers), so the ratios compare like with like."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-reference",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
)

PAGE = ("<!DOCTYPE html><html><body>" + "<p>Spesialisthelsetjenesten.</p>" * 640)[:20_000]


def reference(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", reference)]
application = get_wsgi_application()
