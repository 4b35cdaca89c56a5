"""What a visitor typed, made safe to search for: cleaned, folded, bounded.

Anything may arrive in ``?q=``: nothing, ten thousand characters, punctuation, SQL, HTML,
control characters. Whatever it is, the search gets at most ``MAX_WORDS`` folded words of
letters and digits, and the page shows back only the cleaned text, escaped.
"""

import re
import unicodedata
from dataclasses import dataclass

from .folding import words

# Longer queries are cut: nobody types more, and every word costs the database a match.
MAX_LENGTH = 200
MAX_WORDS = 8
# Shorter words match whole words only; longer ones also match the words they begin
# (Azerbaijani adds its endings to the word: "xidmət", "xidmətin", "xidmətində").
PREFIX_MIN_LENGTH = 3
_WHITESPACE = re.compile(r"\s+")
# Control characters, invisible format characters (zero-width spaces, direction marks) and
# lone surrogates: stripped, never searched for nor shown.
INVISIBLE = ("Cc", "Cf", "Cs")


def clean(text):
    """Return ``text`` without control or invisible format characters, spaces collapsed."""
    text = _WHITESPACE.sub(" ", text)
    return "".join(ch for ch in text if unicodedata.category(ch) not in INVISIBLE).strip()


@dataclass(frozen=True)
class SearchQuery:
    """A visitor's query: the text as shown back, and the folded words searched for."""

    text: str
    words: tuple
    # Words beyond MAX_WORDS (or past MAX_LENGTH) that were left out.
    truncated: bool = False

    @classmethod
    def parse(cls, raw):
        """Return the query typed as ``raw`` (any text, or None)."""
        # Bounded before cleaning, so that a huge parameter costs no more than a long one.
        full = clean((raw or "")[: MAX_LENGTH * 10])
        text = full[:MAX_LENGTH]
        if len(full) > MAX_LENGTH and " " in text:
            text = text.rsplit(" ", 1)[0]  # no half word at the end
        found = words(text)
        return cls(
            text=text,
            words=tuple(found[:MAX_WORDS]),
            truncated=len(full) > MAX_LENGTH or len(found) > MAX_WORDS,
        )

    def replaced(self, words):
        """Return this query with ``words`` searched instead."""
        return SearchQuery(text=" ".join(words), words=tuple(words), truncated=self.truncated)

    def __bool__(self):
        return bool(self.words)


def is_prefix(word):
    """Say whether ``word`` also matches the longer words it begins."""
    return len(word) >= PREFIX_MIN_LENGTH
