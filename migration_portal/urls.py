from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from news.sitemaps import SITEMAPS
from news.views import LegacyArticleRedirectView
from news.views.public import public_page

from . import views

urlpatterns = [
    path("admin/", admin.site.urls),
    # The admin's language switch; public pages switch language by their URL prefix.
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("api/v1/", include("news.api.urls")),
    path(
        "sitemap.xml",
        public_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        public_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    # The old site also wrote its addresses behind /index.php/.
    re_path(
        r"^index\.php/(?P<language>[a-z]{2})/(?:news|press)_detail/(?P<legacy_id>[0-9]{1,10})/?$",
        LegacyArticleRedirectView.as_view(),
    ),
]

urlpatterns += i18n_patterns(
    path("", include("news.urls")),
    path(
        "terms/",
        views.InformationPageView.as_view(
            template_name="pages/terms.html", page_title=_("Terms for users")
        ),
        name="terms",
    ),
    path(
        "privacy/",
        views.InformationPageView.as_view(
            template_name="pages/privacy.html", page_title=_("Privacy policy")
        ),
        name="privacy",
    ),
    path(
        "accessibility/",
        views.InformationPageView.as_view(
            template_name="pages/accessibility.html", page_title=_("Accessibility statement")
        ),
        name="accessibility",
    ),
)

# The database out of reach answers 503 with the page in the visitor's language.
handler500 = "migration_portal.outage.server_error_or_unavailable"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
