"""What is refused before an invitation file is parsed, and the one error it is refused with.

Everything here works on the raw bytes and costs one pass: the size cap, the text encoding,
what the file really is (a web page, an email, binary data), and its BEGIN/END structure
(the component cap, the nesting cap, a file cut off before END:VCALENDAR). Only a file that
passes reaches icalendar, so a hostile or damaged file never gets to spend its time.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_BYTES = 4 * 1024 * 1024  # an invitation is a few kilobytes; a whole calendar is not one
MAX_COMPONENTS = 1000  # BEGIN: lines (events, alarms, time zones ...)
MAX_DEPTH = 8  # VCALENDAR > VEVENT > VALARM is 3 deep
MAX_LINES = 200_000

_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_EMAIL_HEADER = re.compile(
    r"^(?:from|to|subject|received|return-path|delivered-to|mime-version|message-id|date)"
    r"\s*:",
    re.IGNORECASE,
)


class IcsError(ValueError):
    """A file that cannot be used; ``str(error)`` / ``message`` is one sentence for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedText:
    """The file as text, ready for the parser, and what was noticed on the way."""

    text: str
    warnings: tuple[str, ...] = ()


def check_file(data: bytes) -> CheckedText:
    """The text of ``data`` if it can be a calendar file; :class:`IcsError` otherwise."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("an invitation is read from bytes")
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise IcsError(
            f"The file is {len(data) / 1_048_576:.1f} MB; an invitation is a few kilobytes, "
            f"so Crickets reads files up to {MAX_BYTES // 1_048_576} MB only."
        )
    if not data.strip():
        raise IcsError("The file is empty.")
    text, warnings = _decode(data)
    if text.lstrip()[:12].upper() == "BEGIN:VEVENT":  # a bare event, as some tools save one
        text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{text.strip()}\r\nEND:VCALENDAR\r\n"
    _sniff(text)
    _check_structure(text)
    return CheckedText(text, warnings)


def _decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise IcsError("The file is damaged: its text encoding is broken.") from None
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data or _mostly_binary(data):
        raise IcsError("This is not a calendar file: it contains binary data, not text.")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        # RFC 5545 says UTF-8; some older Windows tools write their own code page.
        text = data.decode("cp1252", errors="replace")
        return text, ("The file is not in UTF-8, so accented letters may be shown wrongly.",)


def _mostly_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return controls > len(sample) // 20


def _sniff(text: str) -> None:
    head = text.lstrip()[:512]
    lowered = head.lower()
    if head.startswith("<"):
        if "<html" in lowered or "<!doctype html" in lowered or "<head" in lowered:
            raise IcsError(
                "This is a web page, not a calendar file; download the .ics file itself."
            )
        raise IcsError("This is an XML or HTML document, not a calendar file (.ics).")
    if head.startswith(("{", "[")):
        raise IcsError("This is a JSON file, not a calendar file (.ics).")
    first = head.splitlines()[0] if head else ""
    if _EMAIL_HEADER.match(first):
        raise IcsError(
            "This is an email, not a calendar file; save its invitation attachment "
            "(invite.ics) and import that, or paste the email text instead."
        )
    if lowered.startswith("begin:vcard"):
        raise IcsError("This is a contact card (vCard), not a calendar file.")
    if not lowered.startswith("begin:vcalendar"):
        raise IcsError("This is not a calendar file: it does not start with BEGIN:VCALENDAR.")


def _check_structure(text: str) -> None:
    """BEGIN/END balance, the component and nesting caps, and the file's end."""
    stack: list[str] = []
    components = calendars = 0
    lines = _LINE_BREAK.split(text)
    if len(lines) > MAX_LINES:
        raise IcsError(f"The file has more than {MAX_LINES:,} lines; it is not an invitation.")
    for number, line in enumerate(lines, start=1):
        if line[:1] in (" ", "\t"):
            continue  # a folded continuation belongs to the value above it
        key, sep, value = line.partition(":")
        if not sep or key.strip().upper() not in ("BEGIN", "END"):
            continue
        name = value.strip().upper()
        if key.strip().upper() == "BEGIN":
            components += 1
            if components > MAX_COMPONENTS:
                raise IcsError(
                    f"The file holds more than {MAX_COMPONENTS} calendar entries; "
                    "export just the invitation and import that."
                )
            stack.append(name)
            if len(stack) > MAX_DEPTH:
                raise IcsError(f"The file is damaged: entries nest too deeply (line {number}).")
        elif not stack or stack[-1] != name:
            opened = f"BEGIN:{stack[-1]}" if stack else "nothing"
            raise IcsError(
                f"The file is damaged: line {number} (END:{name[:30]}) does not close {opened}."
            )
        else:
            stack.pop()
            if name == "VCALENDAR" and not stack:
                calendars += 1
    if stack or not calendars:
        raise IcsError(
            "The file is cut off: it ends before END:VCALENDAR (was the download interrupted?)."
        )
