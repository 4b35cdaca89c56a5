"""What a revision of a release holds, and keeping one for each of many releases at once.

Every save through the admin keeps a revision through django-reversion's usual machinery.
An import of thousands of releases keeps one per release as well, so that each release's
history says it was imported, but writes them a few statements per thousand instead of
several statements per release.
"""

import json

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import router
from django.utils import timezone
from modeltranslation.translator import translator
from reversion.models import Revision, Version

from .languages import LANGUAGE_CODES
from .models import Article, ArticleImage, availability_field

FORMAT = "json"


class Event:
    """What a save did, as a revision's comment names it (news/admin/history.py reads it)."""

    CREATED = "created"
    EDITED = "edited"
    MINOR = "minor"
    MAJOR = "major"
    RESTORED = "restored"
    IMPORTED = "imported"


def revision_comment(event, fields=(), **details):
    """Return a revision's comment: the event and the fields it changed, by their names.

    Kept as data rather than sentences, so that each reader gets it in their own language.
    """
    return json.dumps({"event": event, "fields": list(fields), **details}, ensure_ascii=False)


def read_revision_comment(comment):
    """Return the event, fields and details of a comment, or None for a sentence of old."""
    try:
        data = json.loads(comment)
    except ValueError:
        return None
    return data if isinstance(data, dict) and "event" in data else None


def revision_fields():
    """Return the columns a revision of a release keeps: every language, each on its own."""
    # Left out are the untranslated columns modeltranslation fills from the active language,
    # and the columns derived from others: availability, and the lead photograph, which the
    # revision keeps as the release's photograph uses.
    left_out = {
        *translator.get_options_for_model(Article).fields,
        *(availability_field(code) for code in LANGUAGE_CODES),
        "lead_image",
    }
    return [field.name for field in Article._meta.local_fields if field.name not in left_out]


def register():
    """Have django-reversion keep every saved state of a release, with where its photographs
    stood."""
    reversion.register(Article, fields=revision_fields(), format=FORMAT, follow=["images"])
    reversion.register(ArticleImage, format=FORMAT)


def keep_revisions(articles, comment, user=None, date_created=None):
    """Keep one revision of each of ``articles`` as they are now, as reversion would."""
    if not articles:
        return
    fields = revision_fields()
    date_created = date_created or timezone.now()
    revisions = Revision.objects.bulk_create(
        Revision(date_created=date_created, user=user, comment=comment) for _article in articles
    )
    uses = {}
    for use in ArticleImage.objects.filter(article__in=articles):
        uses.setdefault(use.article_id, []).append(use)
    Version.objects.bulk_create(
        version
        for revision, article in zip(revisions, articles, strict=True)
        for version in (
            _version(revision, article, fields=fields),
            # As reversion follows them: a revision holds where the photographs stood.
            *(_version(revision, use) for use in uses.get(article.pk, [])),
        )
    )


def _version(revision, obj, fields=None):
    return Version(
        revision=revision,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        db=router.db_for_write(type(obj), instance=obj),
        format=FORMAT,
        serialized_data=serializers.serialize(FORMAT, [obj], fields=fields),
        object_repr=str(obj),
    )
