"""Which state of the public content a page was rendered from.

Every page the cache keeps is filed under the current state's token. Anything that may change
what visitors see ends the state (``content_changed``), so the next request starts a new one
and no app server serves an old page again. A state also ends by itself when the next
scheduled release reaches its time: nothing has to run for that release to appear.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from migration_portal.bursts import Burst

from ..models import Article

logger = logging.getLogger(__name__)

# While the cache is down every request would say so; once per burst and process is enough.
cache_outage = Burst()


def cache_did_not_answer(doing):
    """Log that the cache did not answer while ``doing`` something, once per burst."""
    unreported = cache_outage.admit()
    if unreported is None:
        return
    logger.warning(
        "The cache did not answer (%s); pages are rendered afresh until it does "
        "(%d more such failures since the last report).",
        doing,
        unreported,
    )


STATE_KEY = "news:content-state"
# A state nothing ends still gives way once a day, so a lost invalidation cannot last.
STATE_LIFETIME = 24 * 60 * 60


@dataclass(frozen=True)
class ContentState:
    token: str
    # When this state began: the Last-Modified of every page rendered from it.
    since: datetime
    # When the next scheduled release reaches its time, if one is waiting.
    valid_until: datetime | None

    def is_current(self, now):
        return self.valid_until is None or now < self.valid_until

    def seconds_left(self, now, longest):
        """Return how long a page of this state may be kept: at most ``longest`` seconds."""
        if self.valid_until is None:
            return longest
        return min(longest, int((self.valid_until - now).total_seconds()))


def current_state(now=None):
    """Return the state of the public content now, starting a new one if the last has ended."""
    now = now or timezone.now()
    try:
        state = cache.get(STATE_KEY)
    except Exception:
        # Without the shared cache no page can be shared: a state of this request's own
        # keeps every page rendered afresh until the cache answers again.
        cache_did_not_answer("reading the content state")
        return _new_state(now)
    if isinstance(state, ContentState) and state.is_current(now):
        return state
    state = _new_state(now)
    try:
        cache.set(STATE_KEY, state, state.seconds_left(now, STATE_LIFETIME))
    except Exception:
        cache_did_not_answer("keeping the content state")
    return state


def _new_state(now):
    next_release = Article.objects.scheduled(now).aggregate(first=Min("published_at"))["first"]
    return ContentState(token=uuid.uuid4().hex, since=now, valid_until=next_release)


def remembered(name, compute):
    """Return ``compute()``, kept under the current state while pages are kept at all.

    For what public pages derive from the content and would otherwise recompute on every
    request, such as the number of releases in a list or the navigation's categories.
    """
    if not settings.KEEP_DERIVED_CONTENT:
        return compute()
    state = current_state()
    key = f"news:derived:{state.token}:{name}"
    try:
        value = cache.get(key)
    except Exception:
        cache_did_not_answer(f"reading {name}")
        return compute()
    if value is not None:
        return value
    value = compute()
    # Nothing found is not kept: an address made up by the thousand fills no cache.
    if value is not None:
        try:
            cache.set(key, value, state.seconds_left(timezone.now(), STATE_LIFETIME))
        except Exception:
            cache_did_not_answer(f"keeping {name}")
    return value


def content_changed():
    """End the current state once the change being made is committed."""
    transaction.on_commit(_end_state)


def _end_state():
    try:
        cache.delete(STATE_KEY)
    except Exception:  # the cache may be down; its pages then expire on their own
        cache_did_not_answer("ending the content state")
