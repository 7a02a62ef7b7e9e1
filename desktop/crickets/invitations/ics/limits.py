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

# What the parser is given is bounded so that any file is read, or refused, in well under
# a second (bench/ics_bombs.py; docs/decisions/063-invitation-work-bounds.md). Real
# invitations are a few kilobytes and a hundred lines; each cap is far above that.
MAX_BYTES = 1024 * 1024  # an invitation is a few kilobytes; a whole calendar is not one
MAX_COMPONENTS = 1000  # BEGIN: lines (events, alarms, time zones ...)
MAX_DEPTH = 8  # VCALENDAR > VEVENT > VALARM is 3 deep
MAX_LINES = 200_000  # as written (a long value is folded over many)
MAX_CONTENT_LINES = 5_000  # as read (a folded value is one): icalendar's cost is per line
MAX_PARAMETERS = 50  # on one line ("ATTENDEE;CN=…;ROLE=…:" has a handful)
MAX_ALL_PARAMETERS = 10_000
MAX_DATES = 1_000  # RDATE and EXDATE values, each a date icalendar works out
MAX_RULES = 100  # RRULE and EXRULE lines

_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_FOLD = re.compile(r"(?:\r\n|\n|\r)[ \t]")
# A line's name and parameters: up to the first colon outside double quotes.
_NAME_AND_PARAMETERS = re.compile(r'(?:[^":\r\n]|"[^"]*")*')
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
    if len(data) > MAX_BYTES:  # a reader stops one byte past the cap: the size is unknown
        raise too_large(None if len(data) == MAX_BYTES + 1 else len(data))
    if not data.strip():
        raise IcsError("The file is empty.")
    text, warnings = _decode(data)
    if text.lstrip()[:12].upper() == "BEGIN:VEVENT":  # a bare event, as some tools save one
        text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{text.strip()}\r\nEND:VCALENDAR\r\n"
    _sniff(text)
    _check_structure(text)
    _check_work(text)
    return CheckedText(text, warnings)


def too_large(size: int | None) -> IcsError:
    """The refusal of a file over :data:`MAX_BYTES`: its real ``size`` when the reader knows
    it (a file's, from the file system), else "larger than" the cap (a stream)."""
    limit = _megabytes(MAX_BYTES)
    what = f"is {_megabytes(size)}" if size is not None else f"is larger than {limit}"
    return IcsError(
        f"The file {what}; an invitation is a few kilobytes, so Crickets reads files up to "
        f"{limit} only."
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size < 10_000_000 else f"{size / 1_000_000:.0f} MB"


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


def _check_work(text: str) -> None:
    """The caps on what the parser would spend its time on: content lines, parameters,
    date values and repeat rules (folded lines joined, as the parser reads them)."""
    lines = _LINE_BREAK.split(_FOLD.sub("", text))
    content = [line for line in lines if line.strip()]
    if len(content) > MAX_CONTENT_LINES:
        raise IcsError(
            f"The file has more than {MAX_CONTENT_LINES:,} entries; it is not an invitation."
        )
    parameters = dates = rules = 0
    for line in content:
        head = _NAME_AND_PARAMETERS.match(line)
        on_line = head.group().count(";") if head else 0
        if on_line > MAX_PARAMETERS:
            raise IcsError("The file is damaged: a line carries hundreds of parameters.")
        parameters += on_line
        name = line[:7].upper()
        if name.startswith(("RDATE", "EXDATE")):
            dates += line.count(",") + 1
        elif name.startswith(("RRULE", "EXRULE")):
            rules += 1
    if parameters > MAX_ALL_PARAMETERS:
        raise IcsError("The file carries more parameters than any invitation does.")
    if dates > MAX_DATES:
        raise IcsError(
            f"The file lists more than {MAX_DATES:,} extra or excluded dates; export just the "
            "invitation and import that."
        )
    if rules > MAX_RULES:
        raise IcsError(f"The file has more than {MAX_RULES} repeat rules; it is not an invitation.")
