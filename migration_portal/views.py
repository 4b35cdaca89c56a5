from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from news.languages import LANGUAGE_CODES
from news.views import PublicPageMixin
from news.views.public import public_page


class InformationPageView(PublicPageMixin, TemplateView):
    """A fixed page of the site, such as the terms for users."""


@require_GET
@public_page
def robots_txt(request):
    """Keep crawlers out of the admin, staff previews and search results; name the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/preview/",
        *(f"Disallow: /{code}/search/" for code in LANGUAGE_CODES),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
