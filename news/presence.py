"""Who has a release open in the admin: a courtesy warning, kept in the shared cache."""

from django.core.cache import cache
from django.utils import timezone

# How long after opening a release an editor still counts as working on it.
EDITING_WINDOW_SECONDS = 5 * 60


def _key(article_id):
    return f"news:article:{article_id}:editors"


def note_opened(article_id, user, now=None):
    """Record that ``user`` opened the release; return the others who opened it recently.

    Returns [(name, opened at)], most recent first.
    """
    now = now or timezone.now()
    editors = cache.get(_key(article_id), {})
    recent = {
        user_id: (name, opened)
        for user_id, (name, opened) in editors.items()
        if (now - opened).total_seconds() < EDITING_WINDOW_SECONDS
    }
    others = sorted(
        ((name, opened) for user_id, (name, opened) in recent.items() if user_id != user.pk),
        key=lambda other: other[1],
        reverse=True,
    )
    recent[user.pk] = (user.get_full_name() or user.get_username(), now)
    cache.set(_key(article_id), recent, EDITING_WINDOW_SECONDS)
    return others
