"""The newsroom in Django's admin, one module per capability.

``articles`` assembles the release admin from the mixins of ``history`` (revisions and their
comparison), ``translations`` (translators' controls and queue), ``trash`` and
``release_images`` (a release's lead photograph and gallery); ``images`` is the photograph
library.
"""

from . import articles, categories, images

__all__ = ["articles", "categories", "images"]
