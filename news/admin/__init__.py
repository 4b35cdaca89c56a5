"""The newsroom in Django's admin, one module per capability.

``articles`` assembles the release admin from the mixins of ``history`` (revisions and their
comparison), ``translations`` (translators' controls and queue) and ``trash``.
"""

from . import articles, categories

__all__ = ["articles", "categories"]
