"""The editorial workflow: which status changes each role may make, and what each one is called.

Authors write drafts and submit them for review; publishers also publish (now or scheduled),
send back, withdraw and restore. The admin offers only the moves a user may make, and checks
every submitted change against this table again on the server.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Article, ArticleEvent
from .roles import publishes_releases

Status = Article.Status
Action = ArticleEvent.Action

# (current status, new status): True if only publishers may make the move.
MOVES = {
    (Status.DRAFT, Status.DRAFT): False,
    (Status.DRAFT, Status.SUBMITTED): False,
    (Status.SUBMITTED, Status.SUBMITTED): False,
    (Status.SUBMITTED, Status.DRAFT): False,
    (Status.DRAFT, Status.PUBLISHED): True,
    (Status.SUBMITTED, Status.PUBLISHED): True,
    (Status.PUBLISHED, Status.PUBLISHED): True,
    (Status.PUBLISHED, Status.DRAFT): True,
    (Status.PUBLISHED, Status.WITHDRAWN): True,
    (Status.WITHDRAWN, Status.WITHDRAWN): True,
    (Status.WITHDRAWN, Status.PUBLISHED): True,
}


def may_move(user, current, new):
    """Say whether ``user`` may change a release's status from ``current`` to ``new``."""
    publishers_only = MOVES.get((current, new))
    return publishers_only is not None and (not publishers_only or publishes_releases(user))


def statuses_for(user, current):
    """Return the statuses ``user`` may give a release now in ``current`` (None: a new one)."""
    current = current or Status.DRAFT
    return [status for status in Status if may_move(user, current, status)]


def check_move(user, current, new):
    """Raise ValidationError unless ``user`` may move a release from ``current`` to ``new``."""
    current = current or Status.DRAFT
    if not may_move(user, current, new):
        raise ValidationError(
            _("You may not change the status from “%(current)s” to “%(new)s”.")
            % {"current": Status(current).label, "new": Status(new).label},
            code="forbidden_move",
        )


def actions_for(current, new, published_at, *, is_new, by_publisher, now=None):
    """Return the events a save makes, such as [created, scheduled]."""
    actions = [Action.CREATED] if is_new else []
    current = current or Status.DRAFT
    if new == Status.PUBLISHED and current != Status.PUBLISHED:
        if current == Status.WITHDRAWN:
            actions.append(Action.RESTORED)
        elif published_at > (now or timezone.now()):
            actions.append(Action.SCHEDULED)
        else:
            actions.append(Action.PUBLISHED)
    elif new == Status.SUBMITTED and current != Status.SUBMITTED:
        actions.append(Action.SUBMITTED)
    elif new == Status.WITHDRAWN and current != Status.WITHDRAWN:
        actions.append(Action.WITHDRAWN)
    elif new == Status.DRAFT and current == Status.SUBMITTED and by_publisher:
        actions.append(Action.REJECTED)
    elif new == Status.DRAFT and current == Status.PUBLISHED:
        actions.append(Action.UNPUBLISHED)
    elif not is_new:
        actions.append(Action.EDITED)
    return actions


def record(article, actions, user, remark=""):
    """Log ``actions`` on ``article`` as done by ``user`` now."""
    ArticleEvent.objects.bulk_create(
        ArticleEvent(article=article, action=action, actor=user, remark=remark)
        for action in actions
    )
