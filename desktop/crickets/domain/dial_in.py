"""The dial-in line of a video invitation, for when the meeting link will not work.

An imported video invitation keeps its description in the interview's notes, and the
description of a Zoom, Meet, Teams or Webex invitation says how to join by phone
("Join by phone: (US) +1 508-555-0100 PIN: 123 456 789#"). The video checklist shows that
line so the person can dial in when the app or the link fails. Only a line that says it is a
dial-in and carries an international number (``+``) counts: a meeting ID on its own is not a
number to dial, and a guess that might ring a stranger is worse than nothing.
"""

from __future__ import annotations

import re

from crickets.domain.interview import Direction, Interview

_DIAL_IN = re.compile(
    r"join by phone|dial[\s-]?in|dial by|one tap|phone conference|audio only|call in|by phone",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\+\d[\d\s().\-]{5,}\d")
_CODE = re.compile(r"\b(pin|meeting id|conference id|passcode|access code)\b", re.IGNORECASE)
_NEARBY = 3  # lines after the "join by phone" heading where the number may stand
_LONGEST = 120


def _one_line(text: str) -> str:
    return " ".join(text.split())[:_LONGEST]


def _number_line(lines: list[str], heading: int) -> int | None:
    for index in range(heading, min(heading + _NEARBY + 1, len(lines))):
        if _NUMBER.search(lines[index]):
            return index
    return None


def _code_after(lines: list[str], found: int) -> str:
    """The PIN or meeting ID said on a line of its own just after the number, if any."""
    for line in lines[found + 1 : found + 1 + _NEARBY]:
        if _CODE.search(line):
            return _one_line(line)
    return ""


def dial_in(interview: Interview) -> str:
    """``(US) +1 508-555-0100 PIN: 123 456 789#`` for a video interview whose notes give a
    dial-in; ``""`` otherwise."""
    if interview.direction is not Direction.VIDEO:
        return ""
    lines = [line for line in interview.notes.splitlines() if line.strip()]
    for heading, line in enumerate(lines):
        if not _DIAL_IN.search(line):
            continue
        found = _number_line(lines, heading)
        if found is None:
            continue
        number = _one_line(lines[found])
        if _CODE.search(number) or ",," in number:  # ",,123#": one tap dials the code too
            return number
        code = _code_after(lines, found)
        return f"{number}, {code}" if code else number
    return ""
