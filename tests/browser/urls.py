"""The site's addresses plus its uploaded photographs, for the live server of the browser tests.

Production serves photographs from object storage; the tests' live server would otherwise
answer 404 for each one, and a page's weight and links could not be measured.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from migration_portal.urls import handler500
from migration_portal.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]

media = settings.MEDIA_URL.lstrip("/")
urlpatterns = [
    re_path(rf"^{media}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
