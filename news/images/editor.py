"""The body editor's photograph button and node: what it opens, shows and is called.

The node itself is ``news/static/news/admin/photograph.js``, loaded through
``DJANGO_PROSE_EDITOR_EXTENSIONS`` (settings); its labels are translated here, so the editor
speaks the admin's language.
"""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

PHOTOGRAPH_NODE = {
    # The library, opened as the admin's lookup window to choose an image by its number.
    "libraryUrl": reverse_lazy("admin:news_image_changelist"),
    "thumbnailUrl": reverse_lazy("admin:news_image_thumbnail", args=["__number__"]),
    "labels": {
        "insert": _("Insert a photograph from the library"),
        "photograph": _(
            "Photograph %(number)s: its alt text and caption come from the library, in the "
            "language of this body."
        ),
    },
}
