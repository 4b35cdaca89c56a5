"""What the known words tell a search before it runs, in one query, on every database.

- One typo forgiven: each word no release contains is replaced by a known word one edit away
  (a letter changed, left out, added, or two neighbours swapped).
- Prefixes spelled out: a word that also matches the words it begins is given the known
  words it begins, so that PostgreSQL looks up exact words in its GIN index, which it merges
  quickly, rather than match a prefix, for which it gathers every matching entry one by one.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, Q

from ..models import SearchTerm
from .query import is_prefix

LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
# Shorter words have too many neighbours for a guess to be worth making.
MIN_LENGTH = 4
MAX_LENGTH = 30
# Preferred order of the edits, when several known words are one edit away.
SWAP, CHANGE, DROP, ADD = range(4)
# A prefix that begins more known words than this stays a prefix; so do all of them when the
# words looked up are more than the whole limit.
BEGUN_PER_WORD = 40
LOOKED_UP_LIMIT = 2000


@dataclass(frozen=True)
class Vocabulary:
    # The words to search instead of the query's, when a typo was corrected.
    correction: tuple | None = None
    # {word: the known words it begins}, for the words whose beginnings are all known.
    beginnings: dict = field(default_factory=dict)


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


def look_up(words, language, *, stems):
    """Return the Vocabulary of ``words`` in ``language`` (known words, corrections, prefixes).

    A word is known when some release holds it, holds a longer word it begins (when long
    enough to match so), or, where the search ``stems`` words, holds it without one or two
    final letters. An unknown word is corrected to a known one an edit away, if there is one.
    """
    candidates = {word: variants(word) for word in words}
    forms = {word: _known_forms(word, stems) for word in words}
    prefixes = [word for word in words if is_prefix(word)]
    looked_up = set().union(*forms.values(), *candidates.values())
    terms = SearchTerm.objects.filter(language=language)
    # Each row also says which query words begin a known word, whatever the limit leaves out.
    begins = {
        f"begins_{index}": Exists(terms.filter(term__startswith=word))
        for index, word in enumerate(prefixes)
    }
    condition = Q(term__in=looked_up)
    for word in prefixes:
        condition |= Q(term__startswith=word)
    rows = list(
        terms.filter(condition).annotate(**begins).values("term", *begins)[:LOOKED_UP_LIMIT]
    )
    if not rows:
        return Vocabulary()
    known = {row["term"] for row in rows}
    begun = {word for index, word in enumerate(prefixes) if rows[0][f"begins_{index}"]}
    replaced = []
    for word in words:
        if forms[word] & known or word in begun:
            replaced.append(word)
            continue
        choices = sorted(
            (kind, variant) for variant, kind in candidates[word].items() if variant in known
        )
        replaced.append(choices[0][1] if choices else word)
    correction = tuple(replaced) if replaced != list(words) else None
    beginnings = {}
    if len(rows) < LOOKED_UP_LIMIT and correction is None:
        for word in prefixes:
            found = sorted(term for term in known if term.startswith(word))
            if 0 < len(found) <= BEGUN_PER_WORD:
                beginnings[word] = tuple(found)
    return Vocabulary(correction, beginnings)
