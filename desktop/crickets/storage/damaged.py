"""Reading rows that may be damaged without letting one of them block the rest.

SQLite's integrity check looks at pages, not at what a value means: a TEXT value that is not
UTF-8, a sealed blob someone edited, a date that is not a date all pass it. By default
Python's sqlite3 raises on the first undecodable text while *fetching*, so one bad cell
made every read (and restore, which reads the store first) fail.

Every connection the store opens decodes text with :func:`read_text`: valid UTF-8 as usual,
anything else as a :class:`DamagedText` (the text with replacement characters, marked). A
repository builds each record inside :func:`readable`, which turns every way a row can be
wrong into :class:`~crickets.storage.errors.RecordUnreadable` naming it; lists leave such
rows out, and ``unreadable()`` on each repository names them
(docs/decisions/060-damaged-records.md).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import TypeVar

from crickets.domain.damage import BAD_TEXT, BAD_VALUE, SEAL_BROKEN, UnreadableRecord
from crickets.storage.errors import RecordUnreadable, SealBroken

T = TypeVar("T")

#: What building a record from a damaged row can raise (bad dates, enums, zones, JSON ...).
_BAD_VALUES = (ValueError, TypeError, KeyError, OverflowError, IndexError, json.JSONDecodeError)


class DamagedText(str):
    """Text SQLite held that is not valid UTF-8: readable with replacement characters, and
    known to be damaged."""

    __slots__ = ()


def read_text(raw: bytes) -> str:
    """The connections' ``text_factory``: never raises, marks what is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return DamagedText(raw.decode("utf-8", errors="replace"))


def use_on(conn: sqlite3.Connection) -> None:
    conn.text_factory = read_text


def has_damaged_text(values: Iterable[object]) -> bool:
    return any(isinstance(value, DamagedText) for value in values)


def readable(what: str, row: Iterable[object], build: Callable[[], T]) -> T:
    """``build()``, or :class:`RecordUnreadable` naming ``what`` when the row is damaged."""
    if has_damaged_text(row):
        raise RecordUnreadable(UnreadableRecord(what, BAD_TEXT))
    try:
        return build()
    except SealBroken:
        raise RecordUnreadable(UnreadableRecord(what, SEAL_BROKEN)) from None
    except _BAD_VALUES:
        raise RecordUnreadable(UnreadableRecord(what, BAD_VALUE)) from None


def keep_readable(
    rows: Iterable[sqlite3.Row], build: Callable[[sqlite3.Row], T]
) -> tuple[list[T], list[UnreadableRecord]]:
    """Every row ``build`` can read, and the records it could not (``build`` raises
    :class:`RecordUnreadable`)."""
    found: list[T] = []
    left_out: list[UnreadableRecord] = []
    for row in rows:
        try:
            found.append(build(row))
        except RecordUnreadable as error:
            left_out.append(error.record)
    return found, left_out
