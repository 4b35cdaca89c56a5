"""The only way rich text reaches a visitor: through this allow-list.

A browser's parser treats a few elements specially: the text of ``<script>`` and ``<style>``
is code, ``<textarea>`` and ``<title>`` hold everything up to their end tag as plain text,
``<iframe>``, ``<xmp>``, ``<noscript>`` and their kin hold it as raw text, ``<plaintext>``
never ends, ``<template>`` keeps its content out of the page, and ``<math>`` and ``<svg>``
switch to another language. Left in a body without their end tag (a paste gone wrong), they
swallowed the rest of it: the sanitiser dropped it, or showed it as visible markup.

We keep the visible text rather than refuse the save: bodies are cleaned by the model's own
save as well as by the admin form and the import, and a save that cannot fail cannot lose an
editor's text either. So before the allow-list's parser sees the body, every tag outside the
allow-list is taken out and what it held is kept, except code and templates, whose content
goes with their tags when the end tag is there (without one it is kept as text: it was then
never meant as code). The parser is left with allowed tags and text only, so it never
enters one of those special modes. Comments are removed the same way: an unclosed ``<!--``
loses only itself. What comes out is plain allowed markup, so cleaning it again changes
nothing.
"""

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

# Content that is never visible text: removed with its end tag, or alone without one.
HIDDEN_CONTENT = {"script", "style", "template"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
)

# A comment opener, or a start or end tag (a quoted attribute value may hold ">").
_MARKUP = re.compile(r"""<!--|<(/?)([a-zA-Z][^\s/>]*)((?:=\s*(?:"[^"]*"|'[^']*')|[^>])*)>""")
_TAG_NAME = re.compile(r"</?([a-zA-Z][^\s/>]*)")
# What ends a comment, right after its "<!--"; HTML also takes "<!-->" as an empty one.
_COMMENT_END = re.compile(r"-?>|.*?--!?>", re.DOTALL)

# The editor leaves an empty paragraph behind when its content is cleared.
_EMPTY_DOCUMENT = re.compile(r"^(\s|<p>\s*(<br\s*/?>)?\s*</p>)*$")


def _end_tag(name):
    return re.compile(rf"</{name}(?:[\s/][^>]*)?>", re.IGNORECASE)


def _defuse(html):
    """Return ``html`` with only allowed tags and text, hidden content and comments removed."""
    # Most bodies, the editor's own among them, hold allowed tags only.
    if "<!--" not in html and all(name.lower() in ALLOWED_TAGS for name in _TAG_NAME.findall(html)):
        return html
    kept, position = [], 0
    while found := _MARKUP.search(html, position):
        kept.append(html[position : found.start()])
        position = found.end()
        if found.group(0) == "<!--":
            if comment_end := _COMMENT_END.match(html, position):
                position = comment_end.end()
            continue
        name = found.group(2).lower()
        if name in HIDDEN_CONTENT and not found.group(1):
            if end := _end_tag(name).search(html, position):
                position = end.end()
        elif name in ALLOWED_TAGS:
            kept.append(found.group(0))
    kept.append(html[position:])
    return "".join(kept)


def sanitize_html(html):
    """Return ``html`` with everything outside the allow-list removed; "" for no content."""
    cleaned = _cleaner.clean(_defuse(html or "")).strip()
    return "" if _EMPTY_DOCUMENT.match(cleaned) else cleaned
