"""The newsroom's data: categories, releases, their translations, history and photographs.

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
from .images import ArticleImage, Image
from .localized import filled, localized
from .search import SearchDocument, SearchTerm
from .translations import Translation, TranslationState

__all__ = [
    "BODY_EDITOR",
    "REQUIRED_FOR_PUBLICATION",
    "SOURCE_FIELDS",
    "Article",
    "ArticleEvent",
    "ArticleImage",
    "ArticleQuerySet",
    "ArticleVersion",
    "Category",
    "ChangeNote",
    "Image",
    "SearchDocument",
    "SearchTerm",
    "Translation",
    "TranslationState",
    "availability_field",
    "filled",
    "localized",
]
