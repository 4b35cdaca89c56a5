"""Signals of the newsroom's own, for what Django's model signals do not see."""

from django.dispatch import Signal

# Sent when releases are written in bulk, without their save(): created many at once
# (``articles`` are the new releases), moved into or out of the trash (``articles`` is empty:
# their texts did not change). Whatever keeps something derived from releases listens to it.
releases_changed_in_bulk = Signal()
