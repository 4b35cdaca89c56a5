from functools import partial

from . import agency as agency_names
from .views.public import navigation_categories


def agency(request):
    """Give every page the agency's names, as the header, titles and footer write them."""
    return {
        "agency": {
            "name": agency_names.NAME,
            "short_name": agency_names.SHORT_NAME,
            "description": agency_names.DESCRIPTION,
        }
    }


def navigation(request):
    """Give every page the categories for its main navigation, read only if it shows them."""
    return {"navigation_categories": partial(navigation_categories, request)}
