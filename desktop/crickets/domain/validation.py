"""What a person may type into each field, checked before anything is saved.

Single-line fields refuse line breaks and control characters outright: they end up in
email headers, file names and tooltips, where a stray CR/LF is an injection, not a typo.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LINE = 200
MAX_NOTES = 10_000
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
    if not 5 <= value <= 480:
        raise FieldError(field, "must be between 5 and 480 minutes")
    return value
