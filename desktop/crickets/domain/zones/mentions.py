"""Zone mentions in typed text: IANA names, UTC/GMT, numeric offsets, abbreviations.

They are taken out before dateutil sees the text, because dateutil gets them wrong:
"GMT+2" follows POSIX there and means two hours *behind* UTC, an unknown abbreviation only
warns, and a name found in the process's own zone list is read in the local zone. Here
"GMT+2"/"UTC+2" mean what people mean by them: two hours ahead of UTC (UTC+02:00).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from crickets.domain.zones.rules import (
    ABBREVIATIONS,
    TimeParseError,
    ZoneHint,
    offset_label,
    quoted,
    zone_info,
)

# "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT-2": checked against tzdata.
_IANA = re.compile(r"(?<![\w/])[A-Za-z][A-Za-z_\-]*(?:/[A-Za-z0-9_+\-]+)+(?![\w/])")

# "UTC+2", "GMT-05:00", "UTC−5" (our own echo writes a real minus sign).
_UTC_OFFSET = re.compile(
    r"(?<![A-Za-z])(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)", re.I
)

# "+02:00", "-0500": only after a space, so "9:00-10:00" and "04-05-2026" are left alone.
_BARE_OFFSET = re.compile(r"(?<=\s)([+\-−])(\d{2}):?(\d{2})(?![\d:])")

_UTC_WORD = re.compile(r"(?<![A-Za-z])(?:(?i:UTC|GMT)|Z)(?![A-Za-z])")  # "14:00Z" too

_CAPITALS = re.compile(r"(?<![\w/])[A-Z]{2,5}(?![\w/])")


def take_zone(text: str) -> tuple[str, ZoneHint]:
    """Remove every zone mention from ``text`` and say what they require together."""
    names: set[str] = set()
    offsets: set[timedelta] = set()
    notes: list[str] = []

    def iana(match: re.Match[str]) -> str:
        zone_info(match[0])
        names.add(match[0])
        return " "

    def utc_offset_form(match: re.Match[str]) -> str:
        offset = _signed(match[1], match[2], match[3] or "0")
        if offset is None:
            raise TimeParseError(f"{quoted(match[0])} is not a valid offset; write it like +02:00.")
        if offset and match[3] is None:  # "GMT+2", the form POSIX reads the other way
            side = "ahead of" if offset > timedelta(0) else "behind"
            notes.append(f"{match[0].strip()} read as {offset_label(offset)}, {side} UTC")
        offsets.add(offset)
        return " "

    def bare_offset(match: re.Match[str]) -> str:
        offset = _signed(match[1], match[2], match[3])
        if offset is None:
            return match[0]  # not an offset after all; the date reader will judge it
        offsets.add(offset)
        return " "

    text = _IANA.sub(iana, text)
    text = _UTC_OFFSET.sub(utc_offset_form, text)
    text = _BARE_OFFSET.sub(bare_offset, text)
    utc_words = [m[0].upper() for m in _UTC_WORD.finditer(text)]
    text = _UTC_WORD.sub(" ", text)
    abbrs = set(_CAPITALS.findall(text)) & ABBREVIATIONS.keys()
    text = _CAPITALS.sub(lambda m: " " if m[0] in abbrs else m[0], text)
    if utc_words and names:
        offsets.add(timedelta(0))  # "14:00 UTC Europe/London": UTC is a constraint there
    elif utc_words:
        names.add("UTC")
    hint = _hint(names, offsets, abbrs, tuple(notes))
    if utc_words and hint.name == "UTC":
        hint = replace(hint, utc_word=utc_words[0])
    return text, hint


def _signed(sign: str, hours: str, minutes: str) -> timedelta | None:
    """The offset, or None when it cannot be one (more than 14 hours, 60+ minutes)."""
    if int(hours) > 14 or int(minutes) > 59:
        return None
    size = timedelta(hours=int(hours), minutes=int(minutes))
    return size if sign == "+" else -size


def _hint(
    names: set[str], offsets: set[timedelta], abbrs: set[str], notes: tuple[str, ...]
) -> ZoneHint:
    shown = {
        "time zones": sorted(names),
        "offsets": sorted(offset_label(o) for o in offsets),
        "abbreviations": sorted(abbrs),
    }
    for what, found in shown.items():
        if len(found) > 1:
            raise TimeParseError(
                f"The text gives two different {what} ({' and '.join(found)}); keep one."
            )
    return ZoneHint(
        name=next(iter(names), None),
        offset=next(iter(offsets), None),
        abbreviation=next(iter(abbrs), None),
        notes=notes,
    )
