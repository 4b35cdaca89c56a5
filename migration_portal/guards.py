"""Refuse malformed requests with a 400 before any view or the database sees them."""

import re

from django.views.defaults import bad_request

# C0 and C1 control characters (NUL among them): no address of ours contains one, and
# PostgreSQL refuses NUL in any text it is given.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A value typed or pasted into a form (a search, say) may hold tabs and line breaks, which
# the views read as spaces; the other control characters have no business there either.
CONTROL_CHARACTERS_BUT_WHITESPACE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control_characters(request):
    """Say whether the path, a query-string name or a query-string value holds one."""
    if CONTROL_CHARACTERS.search(request.path):
        return True
    return any(
        CONTROL_CHARACTERS.search(name)
        or any(CONTROL_CHARACTERS_BUT_WHITESPACE.search(value) for value in values)
        for name, values in request.GET.lists()
    )


class RefuseControlCharactersMiddleware:
    """Answer 400 to an address with a control character in its path or query string."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request):
            return bad_request(request, ValueError("control character in the address"))
        return self.get_response(request)
