"""The photographs a body places: ``<figure data-image="12"></figure>``, by library number.

The body editor writes exactly this, and the sanitiser lets nothing else of an image through
(news/html.py), so a body never holds an image address of its own: pages draw each figure
from the library, with the alt text and caption of the language shown.
"""

import re

FIGURE = re.compile(r'<figure data-image="(\d{1,18})"></figure>')


def placed_image_ids(html):
    """Return the library numbers of the photographs ``html`` places, in order, once each."""
    return list(dict.fromkeys(int(number) for number in FIGURE.findall(html or "")))


def replace_figures(html, render):
    """Return ``html`` with each figure replaced by ``render(image id)`` (markup, or "")."""
    return FIGURE.sub(lambda match: render(int(match.group(1))), html or "")
