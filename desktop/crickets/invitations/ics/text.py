"""Text that arrives from outside (an invitation, a pasted email), made safe to keep.

Typed text that breaks the rules of :mod:`crickets.domain.validation` is refused, so the
person can fix it. Imported text cannot be fixed by the person who imports it, so here it is
*cleaned* instead, to the same rules: single-line fields lose line breaks and control
characters (they can reach an email header or a file name), notes keep their newlines.
Every result passes the matching validator; that is checked, not assumed.

This module imports no third-party library, so the paste box can use it without loading
icalendar.
"""

from __future__ import annotations

import re
import unicodedata

from crickets.domain import validation

_ELLIPSIS = "…"
# Bidirectional overrides and isolates reorder what is shown ("invoice\u202etxt.exe"):
# harmless in a calendar, misleading in a file name or a tooltip. Zero-width characters are
# dropped for the same reason.
_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff")
_INVISIBLE |= set("\u2066\u2067\u2068\u2069")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _visible(char: str, keep_newlines: bool) -> str:
    if keep_newlines and char in "\n\t":
        return char
    if char in "\r\n\t\x0b\x0c\x85\u2028\u2029":
        return "\n" if keep_newlines else " "
    if char in _INVISIBLE or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
        return ""
    return char


def clean_line(text: str, *, max_length: int = validation.MAX_LINE) -> str:
    """One line: breaks and tabs become spaces, control characters go, spaces collapse.

    Text longer than ``max_length`` is cut at a word boundary and ends with "…".
    """
    kept = "".join(_visible(c, keep_newlines=False) for c in text)
    line = _SPACES.sub(" ", kept).strip()
    line = _shorten(line, max_length)
    return validation.single_line("imported text", line, max_length=max_length)


def clean_notes(text: str, *, max_length: int = validation.MAX_NOTES) -> str:
    """Several lines: CR/LF and other breaks become "\\n", control characters go."""
    text = text.replace("\r\n", "\n")
    kept = "".join(_visible(c, keep_newlines=True) for c in text)
    lines = [_SPACES.sub(" ", line).rstrip() for line in kept.split("\n")]
    joined = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    joined = _shorten(joined, max_length)
    return validation.notes("imported notes", joined)


def _shorten(text: str, max_length: int) -> str:
    if len(text) <= max_length:
        return text
    cut = text[: max_length - len(_ELLIPSIS)]
    space = cut.rfind(" ")
    if space > max_length // 2:
        cut = cut[:space]
    return cut.rstrip() + _ELLIPSIS


def clean_email(text: str) -> str:
    """An email address, or "" when the text is not one."""
    candidate = clean_line(text.strip().removeprefix("mailto:").removeprefix("MAILTO:"))
    try:
        return validation.email("email", candidate)
    except validation.FieldError:
        return ""


def clean_link(text: str) -> str:
    """A web address, or "" when the text is not one Crickets would accept."""
    candidate = text.strip()
    if any(_visible(c, keep_newlines=False) != c or c.isspace() for c in candidate):
        return ""
    try:
        return validation.link("link", candidate)
    except validation.FieldError:
        return ""


def file_name_part(text: str, *, max_length: int = 40) -> str:
    """``Zoë & Co — Data`` → ``zoe-co-data``: ASCII letters, digits and dashes only."""
    plain = unicodedata.normalize("NFKD", clean_line(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:max_length].rstrip("-")
