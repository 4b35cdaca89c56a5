from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from news.views import PublicPageMixin


class InformationPageView(PublicPageMixin, TemplateView):
    """A fixed page of the site, such as the terms for users."""


@require_GET
@never_cache
def health(request):
    """Answer the load balancer: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any failure means "not ready", never a 500 page
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@require_GET
def robots_txt(request):
    """Keep crawlers out of the admin and of staff previews."""
    lines = ["User-agent: *", "Disallow: /admin/", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
