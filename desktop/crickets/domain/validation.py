"""What a person may type into each field, checked before anything is saved.

Single-line fields refuse line breaks and control characters outright: they end up in
email headers, file names and tooltips, where a stray CR/LF is an injection, not a typo.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crickets.domain.slot_hours import HOURS_PROBLEM, format_hours, parse_hours

MAX_LINE = 200
MAX_NOTES = 10_000
MAX_ID = 2**31 - 1  # far beyond any real count; SQLite's own limit (2^63) would overflow
#: The years an interview can be in: near year 1 or 9999 an instant overflows.
YEARS = range(1900, 2201)
MIN_DURATION, MAX_DURATION = 5, 480
_LINE_BREAKS = {"\u2028", "\u2029", "\x85"}
_EMAIL = re.compile(
    r"^[^@\s<>(),;:\"\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.[A-Za-z]{2,}$"
)
_LINK = re.compile(r"^(https?://)[^\s<>\"]+$", re.IGNORECASE)


class FieldError(ValueError):
    """``field`` is the name the person knows the field by; ``str()`` says what is wrong."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _bad_character(text: str, allow_newlines: bool) -> str | None:
    for char in text:
        if allow_newlines and char in "\n\t":
            continue
        if char in _LINE_BREAKS or unicodedata.category(char) in ("Cc", "Cs"):
            return f"U+{ord(char):04X}"
    return None


def single_line(field: str, value: str, *, max_length: int = MAX_LINE) -> str:
    """``value`` stripped; refuses line breaks, control characters and overlong text."""
    bad = _bad_character(value, allow_newlines=False)
    if bad:
        raise FieldError(field, f"contains a line break or control character ({bad})")
    value = value.strip()
    if len(value) > max_length:
        raise FieldError(field, f"is {len(value)} characters long; the limit is {max_length}")
    return value


def notes(field: str, value: str) -> str:
    """Multi-line text: newlines and tabs allowed, other control characters refused."""
    bad = _bad_character(value, allow_newlines=True)
    if bad:
        raise FieldError(field, f"contains a control character ({bad})")
    if len(value) > MAX_NOTES:
        raise FieldError(field, f"is {len(value)} characters long; the limit is {MAX_NOTES}")
    return value.strip()


def email(field: str, value: str) -> str:
    value = single_line(field, value, max_length=254)
    if value and not _EMAIL.match(value):
        raise FieldError(field, f"{value!r} is not an email address like name@example.com")
    return value


def link(field: str, value: str) -> str:
    value = single_line(field, value, max_length=2000)
    if value and not _LINK.match(value):
        raise FieldError(field, "must be a web address starting with https:// or http://")
    return value


def phone(field: str, value: str) -> str:
    """A phone number as typed, once it plausibly is one (5–17 digits, usual punctuation)."""
    value = single_line(field, value, max_length=40)
    if not value:
        return value
    if not re.fullmatch(r"\+?[0-9 ().\-/]+(?:\s*(?:x|ext\.?)\s*[0-9]+)?", value, re.IGNORECASE):
        raise FieldError(field, f"{value!r} does not look like a phone number")
    digits = sum(c.isdigit() for c in value.split("x")[0])
    if not 5 <= digits <= 17:
        raise FieldError(field, f"{value!r} has {digits} digits; a phone number has 5 to 17")
    return value


def duration_minutes(field: str, value: float) -> float:
    if not MIN_DURATION <= value <= MAX_DURATION:
        raise FieldError(field, f"must be between {MIN_DURATION} and {MAX_DURATION} minutes")
    return value


def record_id(field: str, value: object) -> int:
    """A stored record's number: a whole number from 1 to :data:`MAX_ID`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(field, f"{str(value)[:20]!r} is not a whole number")
    if not 1 <= value <= MAX_ID:
        raise FieldError(field, f"{str(value)[:20]} is out of range (1 to {MAX_ID})")
    return value


def zone(field: str, value: object) -> str:
    """An IANA time zone name, as the zone pickers and ``--tz`` accept."""
    if not isinstance(value, str) or not value.strip():
        raise FieldError(field, "is missing: a time needs the zone it was agreed in")
    name = single_line(field, value, max_length=64)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise FieldError(field, f"{name[:40]!r} is not a time zone name") from None
    return name


def working_hours(field: str, value: str) -> str:
    """Working hours as ``09:00-17:30`` (normalised), or "" for none set."""
    value = single_line(field, value, max_length=40)
    if not value:
        return value
    try:
        return format_hours(parse_hours(value))
    except ValueError:
        raise FieldError(field, HOURS_PROBLEM) from None


def year_in_range(field: str, value: datetime) -> datetime:
    if value.year not in YEARS:
        raise FieldError(field, f"the year {value.year} is not between {YEARS[0]} and {YEARS[-1]}")
    return value


#: What a person types about an interview, by Interview attribute: (the name they know the
#: field by, its check). The editor, ``crickets add|edit`` and restore check the same way.
INTERVIEW_TEXT: dict[str, tuple[str, Callable[[str, str], str]]] = {
    "company": ("company", single_line),
    "role": ("role", single_line),
    "interviewer_name": ("interviewer's name", single_line),
    "interviewer_email": ("interviewer's email", email),
    "interviewer_phone": ("interviewer's phone", phone),
    "meeting_link": ("meeting link", link),
    "my_phone": ("the number you gave them", phone),
    "notes": ("notes", notes),
}


def text_field(field: str, value: object, check: Callable[[str, str], str]) -> str:
    """``check`` on ``value`` once it is text at all (a number or a list is refused)."""
    if not isinstance(value, str):
        raise FieldError(field, "is not text")
    return check(field, value)
