"""Fold text for search: case, and the letters a Latin keyboard lacks, one character for one.

Visitors and press officers type ``dovlet`` for ``Dövlət`` and ``ISCI`` for ``İŞÇİ``; both the
stored text and the query are folded the same way, so either finds the other. Folding never
changes the length of a text, so a position found in the folded text is the same position in
the original, which is what the highlighting relies on.
"""

import re

# Azerbaijani letters outside ASCII and the Russian "ё", both cases. Upper case is mapped
# explicitly: Python lower-cases "İ" to two characters, and "I" to "i" where Azerbaijani
# means "ı"; both end as "i" here, like the dotless letter a Latin keyboard cannot type.
LETTERS = {
    "Ə": "e", "ə": "e",
    "I": "i", "İ": "i", "ı": "i",
    "Ö": "o", "ö": "o",
    "Ü": "u", "ü": "u",
    "Ş": "s", "ş": "s",
    "Ç": "c", "ç": "c",
    "Ğ": "g", "ğ": "g",
    "Ё": "е", "ё": "е",
}  # fmt: skip

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
