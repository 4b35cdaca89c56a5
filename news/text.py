"""Plain-text helpers for release titles: slugs that read well in Latin letters.

Generic transliterators get Azerbaijani wrong (``ə`` turns into ``@`` or vanishes), so the
letters of our three languages are mapped here, once. The admin's slug widget is handed the
same table, so a slug typed in the browser and one made on the server agree.
"""

from django.utils.text import slugify

# Azerbaijani letters outside ASCII, both cases: Python lower-cases "İ" to "i" plus a
# combining dot, so upper case is mapped explicitly rather than lower-cased first.
AZERBAIJANI = {
    "Ə": "e", "ə": "e",
    "I": "i", "ı": "i", "İ": "i",
    "Ş": "s", "ş": "s",
    "Ç": "c", "ç": "c",
    "Ğ": "g", "ğ": "g",
    "Ö": "o", "ö": "o",
    "Ü": "u", "ü": "u",
}  # fmt: skip

# Russian Cyrillic after the simplified BGN/PCGN scheme that Russian-language news sites
# use in their addresses: readable ("obyavleniya"), ASCII only.
RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip

TRANSLITERATION = {
    **AZERBAIJANI,
    **RUSSIAN,
    **{upper: latin for lower, latin in RUSSIAN.items() if (upper := lower.upper()) != lower},
}
_TABLE = str.maketrans(TRANSLITERATION)

SLUG_MAX_LENGTH = 120


def transliterate(text):
    """Return ``text`` with Azerbaijani and Russian letters written in Latin letters."""
    return text.translate(_TABLE)


def make_slug(text, max_length=SLUG_MAX_LENGTH):
    """Return an ASCII slug for ``text``, cut at a word boundary within ``max_length``."""
    slug = slugify(transliterate(text))
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if "-" not in cut:
        return slug[:max_length]
    return cut.rsplit("-", 1)[0].strip("-")
