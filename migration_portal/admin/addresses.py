"""Where a request comes from, as the load balancer in front of the app server saw it."""

from django.conf import settings


def client_address(request):
    """Return the client's address: the one the trusted proxies recorded, else the peer's.

    Each trusted proxy appends the address it saw to X-Forwarded-For, so the address a
    client cannot forge is the one that many places from the end; with no trusted proxy,
    X-Forwarded-For is ignored altogether.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
