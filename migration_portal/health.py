"""The load balancer's health check, answered before anything else looks at the request."""

import json
import secrets

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpResponse

HEALTH_PATH = "/healthz"


def database_answers():
    """Say whether the database answers a trivial query (within its connect timeout)."""
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        # With CONN_HEALTH_CHECKS, a connection the server dropped since the last request is
        # replaced here rather than reused.
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure means "cannot serve", never a 500 page
        return False
    return True


def cache_answers():
    """Say whether the shared cache keeps and gives back a value."""
    token = secrets.token_hex(8)
    try:
        cache.set("healthz", token, 10)
        return cache.get("healthz") == token
    except Exception:  # a cache that errors is as good as none
        return False


def health_response(method):
    """Answer 200 while the database answers, 503 when it does not; report the cache too.

    The cache is shared by every app server and the site serves pages without it, so its
    loss is reported but does not take this server out of the load balancer.
    """
    database, shared_cache = database_answers(), cache_answers()
    body = {
        "status": "ok" if database else "unavailable",
        "database": "ok" if database else "unavailable",
        "cache": "ok" if shared_cache else "unavailable",
    }
    response = HttpResponse(
        b"" if method == "HEAD" else json.dumps(body).encode(),
        content_type="application/json",
        status=200 if database else 503,
    )
    response["Cache-Control"] = "no-store"
    if not database:
        # Already said in the body; the load balancer polls, Django need not log each poll.
        response._has_been_logged = True
    return response


class HealthCheckMiddleware:
    """Answer ``/healthz`` over plain HTTP, whatever the Host header, outside any transaction.

    The load balancer probes each app server by its address over HTTP: the HTTPS redirect,
    the allowed-host check and the per-request transaction must not stand in its way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return health_response(request.method)
