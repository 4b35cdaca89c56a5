"""Keep the search documents and the known words in step with the releases.

Every save of a release rewrites its document, and so does writing releases in bulk
(``connect``); ``rebuild_search_index`` redoes the whole archive, for instance after the folding
has changed.
"""

from django.db.models.signals import post_save

from ..languages import LANGUAGE_CODES
from ..models import Article, SearchDocument, SearchTerm, localized
from ..models.search import TERM_MAX_LENGTH, text_field
from ..signals import releases_changed_in_bulk
from .documents import PARTS, document, document_words

TEXT_FIELDS = [text_field(language) for language in LANGUAGE_CODES]


def search_document(article):
    """Return the unsaved SearchDocument of ``article``."""
    texts = {
        text_field(language): document(*(localized(article, part, language) for part in PARTS))
        for language in LANGUAGE_CODES
    }
    return SearchDocument(article_id=article.pk, **texts)


def index_articles(articles):
    """Write the search documents of saved ``articles``, and note the words they hold."""
    documents = [search_document(article) for article in articles]
    SearchDocument.objects.bulk_create(
        documents,
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=TEXT_FIELDS,
    )
    terms = {
        (language, term)
        for doc in documents
        for language in LANGUAGE_CODES
        for term in document_words(getattr(doc, text_field(language)))
        if len(term) <= TERM_MAX_LENGTH
    }
    SearchTerm.objects.bulk_create(
        [SearchTerm(language=language, term=term) for language, term in sorted(terms)],
        ignore_conflicts=True,
    )
    return len(documents)


def _article_saved(sender, instance, **kwargs):
    index_articles([instance])


def _articles_written(sender, articles, **kwargs):
    if articles:
        index_articles(articles)


def connect():
    post_save.connect(_article_saved, sender=Article, dispatch_uid="search-index-article")
    releases_changed_in_bulk.connect(_articles_written, dispatch_uid="search-index-bulk")
