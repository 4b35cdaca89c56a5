from .models import Category


def navigation(request):
    """Give every page the categories for its main navigation, read once per page."""
    return {"navigation_categories": Category.objects.all()}
