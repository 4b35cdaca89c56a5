from functools import partial

from . import agency as identity
from .languages import current_language
from .views.public import navigation_categories


def agency(request):
    """Give every page the agency's name, mark, press office and services."""
    return {
        "agency": {
            "name": identity.NAME,
            "description": identity.DESCRIPTION,
            "mark": identity.mark_url(),
            "theme_colour": identity.THEME_COLOUR,
            "press_office": identity.press_office(current_language()),
            "portal_url": identity.PORTAL_URL,
            "e_services_url": identity.E_SERVICES_URL,
            "call_centre": identity.CALL_CENTRE,
            "call_centre_link": identity.telephone_link(identity.CALL_CENTRE),
        }
    }


def navigation(request):
    """Give every page the categories for its main navigation, read only if it shows them."""
    return {"navigation_categories": partial(navigation_categories, request)}
