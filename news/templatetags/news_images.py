"""Photographs in templates: ``{% picture %}`` for any image, ``{% photograph %}`` with caption."""

from django import template

from ..images.markup import picture
from ..images.renditions import Kind
from ..models import localized

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def responsive_picture(image, language, sizes, kind=Kind.WIDTH, lazy=True, priority=False):
    """Render ``<picture>`` for ``image``: each format's srcset, its size, and how to load it.

    ``priority`` is for the one picture a visitor sees first; ``lazy`` for those further down.
    """
    return {
        "picture": picture(image, language, kind),
        "sizes": sizes,
        "lazy": lazy and not priority,
        "priority": priority,
    }


@register.inclusion_tag("includes/photograph.html")
def photograph(image, language, lazy=True, priority=False):
    """Render a photograph as a figure of the text column, with its caption and credit."""
    return {"image": image, "language": language, "lazy": lazy, "priority": priority}


@register.filter
def caption_in(image, language):
    """Return ``image``'s caption in ``language``."""
    return localized(image, "caption", language)
