"""Fold text for search: case, and the letters a Latin keyboard lacks, one character for one.

Visitors and press officers type ``dovlet`` for ``Dövlət`` and ``ISCI`` for ``İŞÇİ``; both the
stored text and the query are folded the same way, so either finds the other. Folding never
changes the length of a text, so a position found in the folded text is the same position in
the original, which is what the highlighting relies on. Pure: it reads only the letter table
of ``news.text``.
"""

import re

from ..text import AZERBAIJANI

# The Azerbaijani letters a Latin keyboard lacks, both cases, as the slugs transliterate them
# (news.text keeps that table, once), and the Russian "ё". Upper case is mapped explicitly:
# Python lower-cases "İ" to two characters, and "I" to "i" where Azerbaijani means "ı"; both
# end as "i" here, like the dotless letter.
LETTERS = {**AZERBAIJANI, "Ё": "е", "ё": "е"}

# A word: letters and digits; everything else, the underscore included, separates words.
WORD = re.compile(r"[^\W_]+")


class _FoldTable(dict):
    """Map each character to its folded form, working each out once, on first sight."""

    def __missing__(self, code):
        character = chr(code)
        lower = character.lower()
        # A character whose lower case is longer (none in our three languages) stays as it is.
        folded = lower if len(lower) == 1 else character
        self[code] = folded
        return folded


_TABLE = _FoldTable({ord(letter): folded for letter, folded in LETTERS.items()})


def fold(text):
    """Return ``text`` in lower case without Azerbaijani letters and "ё", same length."""
    return text.translate(_TABLE)


def words(text):
    """Return the folded words of ``text``, in order."""
    return WORD.findall(fold(text))


def word_spans(text):
    """Return (start, end, folded word) of each word of ``text``, positions in ``text``."""
    return [(match.start(), match.end(), match.group()) for match in WORD.finditer(fold(text))]
