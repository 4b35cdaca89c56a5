"""The only way rich text reaches a visitor: through this allow-list."""

import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "u", "s", "sub", "sup",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# A photograph from the library, placed by its number alone (news/images/figures.py): pages
# draw it from the library, so no image address from outside can reach a body.
ALLOWED_TAGS.add("figure")
ALLOWED_ATTRIBUTES["figure"] = {"data-image"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
)

# The editor leaves an empty paragraph behind when its content is cleared.
_EMPTY_DOCUMENT = re.compile(r"^(\s|<p>\s*(<br\s*/?>)?\s*</p>)*$")


def sanitize_html(html):
    """Return ``html`` with everything outside the allow-list removed; "" for no content."""
    cleaned = _cleaner.clean(html or "").strip()
    return "" if _EMPTY_DOCUMENT.match(cleaned) else cleaned
