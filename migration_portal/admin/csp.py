"""Admin pages under a Content-Security-Policy without 'unsafe-inline' for scripts."""

from js_asset import Media


class NonceMediaMixin:
    """Give a change form's scripts the request's nonce.

    The body editor declares its modules in an inline import map, which the policy lets
    run only with this request's nonce.
    """

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=str(request.csp_nonce))
        return super().render_change_form(request, context, *args, **kwargs)
