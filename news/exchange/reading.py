"""Reading records from a JSON array or from JSON Lines, one at a time, in bounded memory.

The standard library's decoder reads one record at a time from a window of the file, so a
file of any size is read with about one record in memory, and a mistake is reported at
its exact line and column, as the decoder finds it.
"""

import json
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

CHUNK = 1 << 20
# Larger than any record within the limits on text, even with every letter escaped, and
# large enough that an oversized field is still named rather than the record refused whole.
MAX_RECORD_LENGTH = 50_000_000
_LEGACY_ID_IN_TEXT = re.compile(r'"legacy_id"\s*:\s*(\d+)')
_WHITESPACE = re.compile(r"[ \t\n\r]*")
# How close to the end of the window a decoding error must be to mean "read on".
_NEAR_THE_END = 16


@dataclass
class RawRecord:
    """A record as decoded, or what kept it from being decoded."""

    position: int
    value: object = None
    problem: str = ""
    # The legacy_id read from the text of a record that could not be decoded, if any.
    legacy_id: int | None = None


class FileError(Exception):
    """The file cannot be read on from here; the message says where and why."""


def legacy_id_in(text):
    found = _LEGACY_ID_IN_TEXT.search(text[:10_000])
    return int(found.group(1)) if found else None


def read_records(handle):
    """Yield a RawRecord for each record of ``handle``; FileError if the rest cannot be read."""
    first, line, column = handle.read(1), 1, 1
    while first and first in " \t\r\n\ufeff":
        line, column = (line + 1, 1) if first == "\n" else (line, column + 1)
        first = handle.read(1)
    if first == "[":
        yield from _array(_Window(handle, line, column + 1))
    else:
        yield from _lines(first, handle)


def _lines(first, handle):
    position = line_number = 0
    while True:
        line = handle.readline(MAX_RECORD_LENGTH + 1)
        if first:
            line, first = first + line, ""
        if not line:
            return
        line_number += 1
        if len(line) > MAX_RECORD_LENGTH and not line.endswith("\n"):
            position += 1
            yield RawRecord(
                position,
                problem=_("line %(line)s: longer than %(limit)s characters")
                % {"line": line_number, "limit": f"{MAX_RECORD_LENGTH:,}"},
                legacy_id=legacy_id_in(line),
            )
            while (rest := handle.readline(CHUNK)) and not rest.endswith("\n"):
                pass
            continue
        if not line.strip():
            continue
        position += 1
        try:
            yield RawRecord(position, json.loads(line))
        except json.JSONDecodeError as error:
            yield RawRecord(
                position,
                problem=_("line %(line)s: invalid JSON: %(reason)s")
                % {"line": line_number, "reason": error.msg},
                legacy_id=legacy_id_in(line),
            )
        except RecursionError:
            yield RawRecord(
                position,
                problem=_("line %(line)s: nested too deeply") % {"line": line_number},
                legacy_id=legacy_id_in(line),
            )


class _Window:
    """The part of the file being decoded, and where it starts in the file."""

    # text[start:] is what is left to decode; what comes before start is dropped only when
    # more is read, so that moving on from one record to the next copies nothing.

    def __init__(self, handle, line, column):
        self.handle = handle
        self.text = ""
        self.start = 0
        self.at_end = False
        # Where text[start] is in the file.
        self.line = line
        self.column = column

    def __len__(self):
        return len(self.text) - self.start

    def read_more(self, at_least=CHUNK):
        more = self.handle.read(max(at_least, CHUNK))
        self.at_end = not more
        self.text = self.text[self.start :] + more
        self.start = 0
        return bool(more)

    def drop(self, length):
        """Move on by ``length`` characters, keeping count of lines and columns."""
        self.line, self.column = self.where(length)
        self.start += length

    def where(self, offset):
        """Return the line and column of the character ``offset`` past the start."""
        end = self.start + offset
        newlines = self.text.count("\n", self.start, end)
        if newlines:
            return self.line + newlines, end - self.text.rfind("\n", self.start, end)
        return self.line, self.column + offset

    def skip_whitespace(self):
        """Drop leading whitespace; return the next character, or "" at the end of the file."""
        while True:
            self.drop(_WHITESPACE.match(self.text, self.start).end() - self.start)
            if len(self) or not self.read_more():
                return self.text[self.start : self.start + 1]


def _invalid(window, index, reason):
    line, column = window.where(index)
    return FileError(
        _("invalid JSON at line %(line)s, column %(column)s: %(reason)s")
        % {"line": line, "column": column, "reason": reason}
    )


def _array(window):
    decoder = json.JSONDecoder()
    if window.skip_whitespace() == "]":
        window.drop(1)
        _refuse_anything_after(window)
        return
    position = 0
    while True:
        position += 1
        value, length = _decode(decoder, window, position)
        yield RawRecord(position, value)
        window.drop(length)
        following = window.skip_whitespace()
        if following == ",":
            window.drop(1)
            window.skip_whitespace()
        elif following == "]":
            window.drop(1)
            _refuse_anything_after(window)
            return
        else:
            reason = "Expecting ',' delimiter" if following else "Expecting ']'"
            raise _invalid(window, 0, reason)


def _decode(decoder, window, position):
    """Return the value at the start of the window and its length, reading on as needed."""
    while True:
        try:
            value, end = decoder.raw_decode(window.text, window.start)
        except json.JSONDecodeError as error:
            cut_short = error.pos >= len(window.text) - _NEAR_THE_END or error.msg.startswith(
                "Unterminated string"
            )
            if not cut_short or window.at_end:
                raise _invalid(window, error.pos - window.start, error.msg) from error
        except RecursionError:
            line, column = window.where(0)
            raise FileError(
                _("record %(position)s at line %(line)s, column %(column)s: nested too deeply")
                % {"position": position, "line": line, "column": column}
            ) from None
        else:
            length = end - window.start
            # A number or a word at the very end may go on in the text not read yet.
            if length <= MAX_RECORD_LENGTH and (end < len(window.text) or window.at_end):
                return value, length
        if len(window) > MAX_RECORD_LENGTH:
            legacy_id = legacy_id_in(window.text[window.start : window.start + 10_000])
            raise FileError(
                _("record %(position)s%(legacy_id)s: longer than %(limit)s characters")
                % {
                    "position": position,
                    "legacy_id": f" (legacy_id {legacy_id})" if legacy_id else "",
                    "limit": f"{MAX_RECORD_LENGTH:,}",
                }
            )
        window.read_more(len(window))


def _refuse_anything_after(window):
    if window.skip_whitespace():
        raise _invalid(window, 0, "Extra data")
