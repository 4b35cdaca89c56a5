"""What a result shows: its title and a short excerpt, the words searched for marked.

Folding keeps every character in place, so words are compared folded and marked in the
original text. Everything is escaped first; the only markup added is ``<mark>``.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .folding import word_spans
from .query import is_prefix

EXCERPT_WORDS = 30
# Words shown before the first match, so that it is read in its sentence.
LEAD_WORDS = 8
ELLIPSIS = "…"


class Matcher:
    """Tell whether a folded word of a text is one the query searched for."""

    def __init__(self, words, lexemes=()):
        # A word searched for matches the words it begins when long enough; a lexeme (a
        # stemmer's reduction of a word, such as "servic") matches the words that begin with it.
        self.whole = {word for word in words if not is_prefix(word)}
        self.starts = tuple({word for word in words if is_prefix(word)} | set(lexemes))

    def __call__(self, word):
        return word in self.whole or word.startswith(self.starts)


def _marked(text, spans, matches):
    """Return ``text`` escaped, with the ``spans`` that ``matches`` accepts in <mark>."""
    pieces, position = [], 0
    for start, end, word in spans:
        if matches(word):
            pieces += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
            position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece of text above is escaped


def highlight(text, matches):
    """Return the whole of ``text``, escaped, its matched words marked."""
    return _marked(text, word_spans(text), matches)


def excerpt(text, matches, length=EXCERPT_WORDS):
    """Return about ``length`` words of ``text`` around its first match, escaped and marked."""
    spans = word_spans(text)
    if not spans:
        return mark_safe("")
    first = next((i for i, (_s, _e, word) in enumerate(spans) if matches(word)), 0)
    begin = max(0, min(first - LEAD_WORDS, len(spans) - length))
    shown = spans[begin : begin + length]
    start = 0 if begin == 0 else shown[0][0]
    end = len(text) if begin + length >= len(spans) else shown[-1][1]
    part = text[start:end]
    marked = _marked(part, [(s - start, e - start, word) for s, e, word in shown], matches)
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if end < len(text) else ""
    return mark_safe(f"{before}{marked}{after}")
