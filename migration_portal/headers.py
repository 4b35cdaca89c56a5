"""Response headers that Django has no setting for."""

from django.conf import settings


def permissions_policy(features):
    """Return the Permissions-Policy header for {feature: [origins]} ("self" or URLs)."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in features.items())


class PermissionsPolicyMiddleware:
    """Tell browsers which powerful features (camera, location, …) no page of ours uses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
