"""What the site search reads: each release's words, folded, and the words it knows.

A ``SearchDocument`` holds, per language, the folded words of a release's title, summary and
body (see ``news.search.documents``). On PostgreSQL, generated columns turn each into a
full-text vector, and its first line (the title) into another, each served by a GIN index.
``SearchTerm`` lists every folded word seen per language, so that a word nobody wrote can be
recognised as a typo.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..languages import LANGUAGE_CODES

# The text search configuration each language's vector is made with: the stemmers give English
# and Russian their word forms; PostgreSQL has none for Azerbaijani, which is matched by prefix.
TEXT_SEARCH_CONFIGS = {"az": "simple", "en": "english", "ru": "russian"}
TERM_MAX_LENGTH = 100


def text_field(language):
    """Return the name of the column holding the folded words of the ``language`` version."""
    return f"text_{language}"


def vector_field(language):
    """Return the name of the full-text vector of the whole ``language`` version."""
    return f"vector_{language}"


def title_vector_field(language):
    """Return the name of the full-text vector of the ``language`` title alone."""
    return f"title_{language}"


class FoldedVector(models.Expression):
    """The full-text vector of a folded document, or of its first line (the title) alone.

    Only PostgreSQL has full-text vectors; elsewhere the column stays empty and the search
    matches the folded text itself.
    """

    output_field = SearchVectorField(null=True)

    def __init__(self, column, config, *, title=False):
        super().__init__()
        self.text, self.config, self.title = models.F(column), config, title

    def __repr__(self):
        return f"{self.__class__.__name__}({self.text!r}, {self.config!r}, title={self.title})"

    def get_source_expressions(self):
        return [self.text]

    def set_source_expressions(self, exprs):
        (self.text,) = exprs

    def as_sql(self, compiler, connection):
        return "NULL", []

    def as_postgresql(self, compiler, connection):
        column, params = compiler.compile(self.text)
        if self.title:
            column = f"split_part({column}, E'\\n', 1)"
        # The configuration is one of ours, never user input: it is written into the SQL.
        return f"to_tsvector('{self.config}'::regconfig, {column})", params


def _vector(language, *, title=False):
    return models.GeneratedField(
        expression=FoldedVector(text_field(language), TEXT_SEARCH_CONFIGS[language], title=title),
        output_field=SearchVectorField(null=True),
        db_persist=True,
        editable=False,
    )


class SearchDocument(models.Model):
    """The words of one release, folded, per language; derived, rebuilt on every save."""

    article = models.OneToOneField(
        "news.Article",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    text_az = models.TextField(blank=True, editable=False)
    text_en = models.TextField(blank=True, editable=False)
    text_ru = models.TextField(blank=True, editable=False)
    vector_az = _vector("az")
    vector_en = _vector("en")
    vector_ru = _vector("ru")
    title_az = _vector("az", title=True)
    title_en = _vector("en", title=True)
    title_ru = _vector("ru", title=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return f"search document of #{self.article_id}"


class SearchTerm(models.Model):
    """A folded word that occurs in some release's ``language`` version."""

    language = models.CharField(max_length=5, choices=[(code, code) for code in LANGUAGE_CODES])
    term = models.CharField(max_length=TERM_MAX_LENGTH)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="search_term_unique"),
        ]

    def __str__(self):
        return f"{self.language}: {self.term}"
