from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("admin/", admin.site.urls),
    # The admin's language switch; public pages switch language by their URL prefix.
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("", include("news.urls")),
    path(
        "terms/",
        views.InformationPageView.as_view(template_name="pages/terms.html"),
        name="terms",
    ),
    path(
        "privacy/",
        views.InformationPageView.as_view(template_name="pages/privacy.html"),
        name="privacy",
    ),
)

# The database out of reach answers 503 with the page in the visitor's language.
handler500 = "migration_portal.outage.server_error_or_unavailable"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
