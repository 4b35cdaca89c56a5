from functools import partial

from .views.public import navigation_categories


def navigation(request):
    """Give every page the categories for its main navigation, read only if it shows them."""
    return {"navigation_categories": partial(navigation_categories, request)}
