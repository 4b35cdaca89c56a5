"""A release's language version as the search reads it: its folded words, part by part.

A document is three lines, the title's words, the summary's and the body's, each word folded
and set between single spaces, so that a word is found by looking for it after a space, and
PostgreSQL's parser sees exactly the words the query is made of.
"""

import html
import re

from .folding import words

# The parts of a release a search looks in, in the order of their weight.
PARTS = ("title", "summary", "body")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def plain_text(markup):
    """Return the text of the HTML ``markup``: tags removed, entities decoded, spaces collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


def document(title, summary, body):
    """Return the folded document of one language version ("" when it has no text)."""
    if not (title or summary or body):
        return ""
    return "\n".join(f" {' '.join(words(part))} " for part in (title, summary, plain_text(body)))


def document_words(text):
    """Return the distinct words of a folded document."""
    return set(text.split())
