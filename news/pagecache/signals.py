"""End the public content's state whenever something visitors may see is saved or deleted."""

from django.db.models.signals import post_delete, post_save

from ..models import Article, ArticleImage, Category, ChangeNote, Image, Translation
from ..signals import releases_changed_in_bulk
from .generation import content_changed

# Saving any of these may change a public page: a release, its languages' switches, its
# change notes, the categories in every page's navigation, its photographs and their texts.
WATCHED = (Article, Translation, ChangeNote, Category, Image, ArticleImage)


def _changed(sender, **kwargs):
    content_changed()


def connect():
    releases_changed_in_bulk.connect(_changed, dispatch_uid="pagecache-bulk")
    for model in WATCHED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}"
        )
