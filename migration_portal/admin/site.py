"""The newsroom's admin site: every admin page asks for a second factor where one is due."""

from functools import update_wrapper

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import path, reverse

from . import two_factor


class NewsroomAdminSite(admin.AdminSite):
    login_form = two_factor.SignInForm
    login_template = "admin/sign_in.html"

    def has_permission(self, request):
        """Let in active staff who have given every factor their account needs."""
        return super().has_permission(request) and two_factor.is_fully_signed_in(request)

    def admin_view(self, view, cacheable=False):
        checked = super().admin_view(view, cacheable)

        def inner(request, *args, **kwargs):
            user = request.user
            if user.is_active and user.is_staff and two_factor.must_enrol(user):
                if request.path == reverse("admin:logout", current_app=self.name):
                    # Signing out stays possible before the second factor is set up.
                    return view(request, *args, **kwargs)
                return HttpResponseRedirect(reverse("admin:two_factor", current_app=self.name))
            return checked(request, *args, **kwargs)

        return update_wrapper(inner, view)

    def get_urls(self):
        return [
            path("two-factor/", two_factor.EnrolView.as_view(admin_site=self), name="two_factor"),
            *super().get_urls(),
        ]
