"""A saved record that cannot be read, named so the person can tell what is missing.

One damaged row or value (undecodable text, a sealed blob that no longer opens, a value out
of range) must never block the readable rest: the store leaves it out of what it returns and
names it with an :class:`UnreadableRecord` instead, which crosses to the application layer
and to the person as one sentence (docs/decisions/060-damaged-records.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Why a record cannot be read, in the person's words.
BAD_TEXT = "its stored text is not valid UTF-8"
SEAL_BROKEN = "its encrypted part was changed on disk or sealed with another key"
BAD_VALUE = "a stored value is out of range"


@dataclass(frozen=True)
class UnreadableRecord:
    """One record left out: ``what`` ("interview #3", "the setting 'grace'") and why."""

    what: str
    reason: str

    def describe(self) -> str:
        return f"{self.what}: {self.reason}"


def summary(records: Sequence[UnreadableRecord], *, most: int = 3) -> str:
    """One sentence naming what cannot be read and how to get it back; "" for nothing."""
    if not records:
        return ""
    named = "; ".join(r.describe() for r in records[:most])
    more = f"; and {len(records) - most} more" if len(records) > most else ""
    count = "1 saved record" if len(records) == 1 else f"{len(records)} saved records"
    return (
        f"{count} cannot be read and {'is' if len(records) == 1 else 'are'} left out "
        f"({named}{more}). Everything else works as usual; `crickets restore FILE` brings "
        "back a snapshot or an export."
    )
