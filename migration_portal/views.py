from django.http import HttpResponse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from news.views import PublicPageMixin


class InformationPageView(PublicPageMixin, TemplateView):
    """A fixed page of the site, such as the terms for users."""


@require_GET
def robots_txt(request):
    """Keep crawlers out of the admin and of staff previews."""
    lines = ["User-agent: *", "Disallow: /admin/", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
