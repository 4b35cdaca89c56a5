"""The newsroom's data: categories, releases, their translations and their history.

Each capability has its own module; everything is re-exported here, so that ``news.models``
stays the one place to import from, for code and for migrations alike.
"""

from .articles import (
    BODY_EDITOR,
    REQUIRED_FOR_PUBLICATION,
    SOURCE_FIELDS,
    Article,
    ArticleQuerySet,
    ArticleVersion,
)
from .categories import Category
from .gate import availability_field
from .history import ArticleEvent, ChangeNote
from .localized import filled, localized
from .search import SearchDocument, SearchTerm
from .translations import Translation, TranslationState

__all__ = [
    "BODY_EDITOR",
    "REQUIRED_FOR_PUBLICATION",
    "SOURCE_FIELDS",
    "Article",
    "ArticleEvent",
    "ArticleQuerySet",
    "ArticleVersion",
    "Category",
    "ChangeNote",
    "SearchDocument",
    "SearchTerm",
    "Translation",
    "TranslationState",
    "availability_field",
    "filled",
    "localized",
]
