"""Report a failure that repeats on every request once per burst, not once per request."""

import logging
import threading
import time

# A failure that has not recurred for this long starts a new burst.
QUIET_SECONDS = 60


class Burst:
    """Count the occurrences of one kind of failure and say which ones deserve a log line."""

    def __init__(self, quiet_seconds=QUIET_SECONDS, clock=time.monotonic):
        self.quiet_seconds = quiet_seconds
        self.clock = clock
        self.lock = threading.Lock()
        self.reported_at = None
        self.unreported = 0

    def admit(self):
        """Return how many occurrences went unreported before this one, or None to stay quiet."""
        now = self.clock()
        with self.lock:
            if self.reported_at is not None and now - self.reported_at < self.quiet_seconds:
                self.unreported += 1
                return None
            unreported, self.unreported, self.reported_at = self.unreported, 0, now
            return unreported


class OncePerBurstFilter(logging.Filter):
    """Let one record of a logger through per burst, shortened to one line.

    ``message``, if given, replaces the record's own (a library's terse "Exception ignored").
    """

    def __init__(self, name="", message=None):
        super().__init__(name)
        self.burst = Burst()
        self.message = message

    def filter(self, record):
        unreported = self.burst.admit()
        if unreported is None:
            return False
        message = self.message or record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {record.exc_info[1]!r}"
        if unreported:
            message = f"{message} ({unreported} more since the last report)"
        record.msg, record.args, record.exc_info, record.exc_text = message, (), None, None
        return True
