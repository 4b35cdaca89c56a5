"""One typo forgiven: a word nobody wrote, one keystroke away from a word somebody did.

Before a search, each word of it that no release contains is replaced by a known word one
edit away: a letter changed, left out, added, or two neighbours swapped. Every candidate is
looked up in the list of known words at once, in one query, on every database.
"""

from django.db.models import Exists

from ..models import SearchTerm
from .query import is_prefix

LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
# Shorter words have too many neighbours for a guess to be worth making.
MIN_LENGTH = 4
MAX_LENGTH = 30
# Preferred order of the edits, when several known words are one edit away.
SWAP, CHANGE, DROP, ADD = range(4)


def _alphabet(word):
    for letters in (LATIN, CYRILLIC):
        if set(word) <= set(letters):
            return letters
    return None  # digits, or scripts mixed: not a typo we can guess


def variants(word):
    """Return {variant: kind of edit} of the words one edit away from the folded ``word``."""
    letters = _alphabet(word)
    if letters is None or not MIN_LENGTH <= len(word) <= MAX_LENGTH:
        return {}
    found = {}
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for kind, made in (
        (SWAP, (a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1])),
        (CHANGE, (a + c + b[1:] for a, b in splits if b for c in letters if c != b[0])),
        (DROP, (a + b[1:] for a, b in splits if b)),
        (ADD, (a + c + b for a, b in splits for c in letters)),
    ):
        for variant in made:
            found.setdefault(variant, kind)
    found.pop(word, None)
    return found


def _known_forms(word, stems):
    """Return the word, and the shorter words a stemmer would find it as ("meetings": "meeting")."""
    forms = {word}
    if stems and len(word) > MIN_LENGTH:
        forms |= {word[:-1], word[:-2]}
    return forms


def corrected(words, language, *, stems):
    """Return ``words`` with each unknown word replaced by a known one an edit away, or None.

    A word is known when some release holds it, holds a longer word it begins (when long
    enough to match so), or, where the search ``stems`` words, holds it without one or two
    final letters. None when no word needed, or found, a replacement.
    """
    candidates = {word: variants(word) for word in words}
    guesses = {variant for found in candidates.values() for variant in found}
    if not guesses:
        return None
    forms = {word: _known_forms(word, stems) for word in words}
    terms = SearchTerm.objects.filter(language=language)
    # One query: the known words among the query's words, their forms and their variants,
    # each row also saying which query words begin a known word.
    begins = {
        f"begins_{index}": Exists(terms.filter(term__startswith=word))
        for index, word in enumerate(words)
        if is_prefix(word)
    }
    looked_up = guesses.union(*forms.values())
    rows = list(terms.filter(term__in=looked_up).annotate(**begins).values("term", *begins))
    if not rows:
        return None
    known = {row["term"] for row in rows}
    replaced = []
    for index, word in enumerate(words):
        if forms[word] & known or rows[0].get(f"begins_{index}", False):
            replaced.append(word)
            continue
        choices = sorted(
            (kind, variant) for variant, kind in candidates[word].items() if variant in known
        )
        replaced.append(choices[0][1] if choices else word)
    return tuple(replaced) if tuple(replaced) != tuple(words) else None
