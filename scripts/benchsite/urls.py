from django.http import HttpResponse
from django.urls import path

from migration_portal.urls import urlpatterns as site_urlpatterns


def trivial(request):
    """The ceiling: what the same server answers when a view does nothing at all."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial", trivial), *site_urlpatterns]
