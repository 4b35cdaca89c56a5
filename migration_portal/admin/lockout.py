"""The page a locked-out sign-in gets, in the visitor's language."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def lockout_response(request, credentials, *args, **kwargs):
    """Render the lock-out page: how many failures locked it, and when to try again."""
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "admin/lockout.html", context, status=429)
