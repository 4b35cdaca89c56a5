"""Two-factor sign-in with an authenticator app (TOTP): the sign-in form and enrolment."""

from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from news.roles import publishes_releases

DEVICE_NAME = "Authenticator app"


def confirmed_device(user):
    """Return the user's confirmed authenticator, or None (read once per request)."""
    if not hasattr(user, "_confirmed_totp_device"):
        user._confirmed_totp_device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return user._confirmed_totp_device


def is_required(user):
    """Say whether ``user`` must sign in with a second factor: publishers, when so configured."""
    return settings.TWO_FACTOR_REQUIRED_FOR_PUBLISHERS and publishes_releases(user)


def must_enrol(user):
    """Say whether ``user`` must set up an authenticator before any admin page."""
    return is_required(user) and confirmed_device(user) is None


def is_fully_signed_in(request):
    """Say whether the session has every factor the user's account needs.

    Whoever has set up an authenticator gives its code, whether the role requires it or not.
    """
    user = request.user
    if user.is_verified():
        return True
    return not is_required(user) and confirmed_device(user) is None


def token_field(help_text=""):
    return forms.CharField(
        label=_("Code from the authenticator app"),
        help_text=help_text,
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def check_token(device, token):
    """Raise a ValidationError unless ``token`` is the device's current code."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        raise forms.ValidationError(
            _("Too many wrong codes. Wait a minute, then enter the current code."),
            code="throttled",
        )
    if not device.verify_token(token.strip()):
        raise forms.ValidationError(
            _("This code is not right. Enter the code your authenticator app shows now."),
            code="invalid_token",
        )


class SignInForm(AdminAuthenticationForm):
    """The admin's sign-in: password, then the authenticator's code for accounts that have one."""

    otp_token = token_field(_("Leave it empty if you have not set up two-factor sign-in."))

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        device = confirmed_device(user) if user else None
        if device is not None:
            token = cleaned_data.get("otp_token", "")
            if not token:
                raise forms.ValidationError(
                    _("Enter the code from your authenticator app."), code="token_required"
                )
            check_token(device, token)
            # django-otp marks the session as verified when the user is signed in.
            user.otp_device = device
        return cleaned_data


class EnrolForm(forms.Form):
    otp_token = token_field()

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.fields["otp_token"].required = True

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"]
        check_token(self.device, token)
        return token


@method_decorator(never_cache, name="dispatch")
class EnrolView(FormView):
    """Set up an authenticator app: scan the code (or type the key), then confirm a code."""

    form_class = EnrolForm
    template_name = "admin/two_factor.html"
    admin_site = None

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if confirmed_device(user) is not None:
            messages.info(request, _("Two-factor sign-in is already set up for your account."))
            return HttpResponseRedirect(reverse("admin:index"))
        self.device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": DEVICE_NAME}
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **self.admin_site.each_context(self.request),
            title=_("Two-factor sign-in"),
            # Drawn here, as inline SVG: the secret never leaves the server for a QR service.
            qr_code=segno.make(self.device.config_url, error="m").svg_inline(scale=4),
            secret=b32encode(self.device.bin_key).decode(),
            is_required=is_required(self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        otp_login(self.request, self.device)
        messages.success(
            self.request, _("Two-factor sign-in is set up. Sign-ins now ask for a code.")
        )
        return HttpResponseRedirect(reverse("admin:index"))
