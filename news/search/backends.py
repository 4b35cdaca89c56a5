"""Matching folded words, the way each database does it best.

PostgreSQL matches the full-text vectors of ``SearchDocument`` through their GIN indexes,
with each language's configuration (the English and Russian stemmers find other forms of a
word). SQLite, the zero-set-up development database, looks for the folded words in the folded
text itself: the same folding, a simpler match, not meant for a large archive.

Both match every word of the query; a long enough word also matches the words it begins
where no stemmer applies. Each backend answers three questions: does a release hold every
word, does its title, and what are the searched words once the database has read them.
"""

import re

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Cast, StrIndex
from django.db.models.lookups import GreaterThan, LessThan

from ..languages import LANGUAGE_CODES
from ..models.search import TEXT_SEARCH_CONFIGS, text_field, title_vector_field, vector_field
from .query import is_prefix

# Conditions are written from a release (Article) to its search document, unless told otherwise.
FROM_RELEASES = "search_document__"
# How PostgreSQL shows a query's lexemes: 'meet' & 'servic':*
_LEXEME = re.compile(r"'((?:[^']|'')*)'")


class PostgresBackend:
    """Full-text vectors and their GIN indexes, a configuration per language."""

    def __init__(self, language, through=FROM_RELEASES, *, prefix=False, beginnings=None):
        self.config = TEXT_SEARCH_CONFIGS[language]
        # {word: the known words it begins} (see vocabulary): looked up as exact words.
        self.beginnings = beginnings or {}
        # Whether the configuration finds a word's other forms ("meetings": "meeting").
        self.stems = self.config != "simple"
        # Long words match the words they begin: without a stemmer, or when asked to.
        self.prefix = prefix or not self.stems
        self.vector = f"{through}{vector_field(language)}"
        self.title_vector = f"{through}{title_vector_field(language)}"

    def _tsquery(self, words):
        # Words are letters and digits only (see folding.WORD): nothing in them is syntax.
        return SearchQuery(
            " & ".join(self._operand(word) for word in words), config=self.config, search_type="raw"
        )

    def _operand(self, word):
        if not (self.prefix and is_prefix(word)):
            return word
        if word in self.beginnings:
            return f"({' | '.join(self.beginnings[word])})"
        return f"{word}:*"

    def holds(self, words):
        """Return the condition: this language version holds every word."""
        return Q(**{self.vector: self._tsquery(words)})

    def title_holds(self, words):
        """Return the condition: this language version's title holds every word."""
        return Q(**{self.title_vector: self._tsquery(words)})

    def lexemes(self, words):
        """Return an expression giving the searched words as the configuration reduced them."""
        return Cast(self._tsquery(words), output_field=TextField())

    @staticmethod
    def parse_lexemes(value):
        return [lexeme.replace("''", "'") for lexeme in _LEXEME.findall(value or "")]


class SQLiteBackend:
    """The folded text itself: every word looked for after a space, in the document's lines."""

    stems = False

    def __init__(self, language, through=FROM_RELEASES, *, prefix=True, beginnings=None):
        self.text = f"{through}{text_field(language)}"

    @staticmethod
    def _pattern(word):
        # A document's words sit between single spaces: " word " whole, " word" as a start.
        return f" {word}" if is_prefix(word) else f" {word} "

    def holds(self, words):
        return Q(*(Q(**{f"{self.text}__contains": self._pattern(word)}) for word in words))

    def title_holds(self, words):
        # The title is the document's first line: each word is found before its end.
        title_end = StrIndex(F(self.text), Value("\n"))
        found = [StrIndex(F(self.text), Value(self._pattern(word))) for word in words]
        return Q(*(GreaterThan(at, 0) for at in found), *(LessThan(at, title_end) for at in found))

    def lexemes(self, words):
        return Value("", output_field=TextField())

    @staticmethod
    def parse_lexemes(value):
        return []


def backend(language, through=FROM_RELEASES, *, prefix=False, beginnings=None):
    """Return the search backend of the default database, for ``language``.

    Its conditions start from releases, or from ``through`` ("" for search documents); with
    ``prefix``, long words also match the words they begin where a stemmer would apply;
    ``beginnings`` spells out the known words some of them begin.
    """
    if connection.vendor == "postgresql":
        return PostgresBackend(language, through, prefix=prefix, beginnings=beginnings)
    return SQLiteBackend(language, through)


def newsroom_match(words):
    """Return the condition on search documents: one language version holds every word.

    The newsroom's search: in any language, and long words also match the words they begin.
    """
    condition = Q()
    for language in LANGUAGE_CODES:
        condition |= backend(language, through="", prefix=True).holds(words)
    return condition
