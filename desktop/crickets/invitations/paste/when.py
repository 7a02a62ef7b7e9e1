"""The time in pasted invitation text: which words say when, the range, and the zone.

"Tuesday, November 25 · 2:00 – 2:30pm Eastern Time" becomes the start (read by
:func:`crickets.domain.timeparse.parse_when` in the zone the text names) and a length of
30 minutes. A start without am/pm takes the end's ("2:00 – 2:30pm"), unless that would put
it after the end ("11 – 12:30pm" is 11 AM). A zone written as an abbreviation is checked
against the date ("EST" in July) and a mismatch is reported, not silently shifted. One
with several meanings ("IST") is read in the person's own zone when that zone shows it,
else in the usual one, and the reading says which; "GMT" or "UTC" where the person's own
clock agrees keeps their zone (London in winter), since the instant is the same.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.timefmt import clock_time, zone_label
from crickets.domain.timeparse import AmbiguousTime, ParsedTime, TimeParseError, parse_when
from crickets.domain.zones.names import SEASONAL, ZoneMention, find_zone
from crickets.domain.zones.rules import at_instant
from crickets.domain.zones.seasons import is_ambiguous, reading_note, shows

_LABELS = r"when|date|time|date\s*(?:&|and)\s*time|start|starts"
_WHEN_LABEL = re.compile(rf"^\s*(?:{_LABELS})\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
TITLE_LABEL = re.compile(
    r"^\s*(?:subject|title|event|what|(?:updated\s+)?invitation)\s*:\s*(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_DATEISH = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:today|tomorrow)\b",
    re.IGNORECASE,
)
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?|noon|midday"
_RANGE_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?)?|noon|midday"
_RANGE = re.compile(
    rf"(?<![\d:])({_RANGE_CLOCK})\s*(?:-|–|—|to|until|till)\s*({_RANGE_CLOCK})(?![\d:])",
    re.IGNORECASE,
)
_CLOCK_OR_RANGE = re.compile(
    rf"(?<![\d:/.\-])(?:{_CLOCK})(?:\s*(?:-|–|—|to|until|till)\s*(?:{_CLOCK}))?(?![\d:/\-])",
    re.IGNORECASE,
)
# "Jane Doe <jane@acme.com>", "\"Doe, Jane\" <jane@acme.com>", or a bare address.


def when_text(text: str) -> str | None:
    """The words that say when: a "When:" line (or "Date:" + "Time:"), else the date and
    time taken out of the first line that has both."""
    labelled = [m.group(1) for m in _WHEN_LABEL.finditer(text)]
    if labelled:
        return " ".join(labelled[:2])
    for line in text.split("\n"):
        if TITLE_LABEL.match(line) or len(line) > 300:
            continue
        day, clocks = _DATEISH.search(line), list(_CLOCK_OR_RANGE.finditer(line))
        if day and clocks:
            begin = min(day.start(), clocks[0].start())
            end = max(day.end(), clocks[-1].end())
            zone = find_zone(line[end:])
            if zone:  # keep a zone written right after the time ("2pm Eastern Time")
                end += line[end:].find(zone.text) + len(zone.text)
            return line[begin:end]
    return None


def _minutes(clock: str) -> tuple[int, str] | None:
    match = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?m\.?)?", clock.strip().lower())
    if clock.strip().lower() in ("noon", "midday"):
        return 12 * 60, "p"
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3) or ""
    if hour > 23 or minute > 59 or (half and not 1 <= hour <= 12):
        return None
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + minute, half


def split_range(when: str) -> tuple[str, timedelta | None]:
    """ "Tue 25 Nov 2:00 – 2:30pm" → ("Tue 25 Nov 14:00", 30 minutes)."""
    match = _RANGE.search(when)
    if not match:
        return when, None
    begin, end = _minutes(match.group(1)), _minutes(match.group(2))
    if begin is None or end is None:
        return when, None
    start_text = match.group(1)
    (start, start_half), (stop, stop_half) = begin, end
    if not start_half and stop_half:  # "2:00 – 2:30pm": the start shares the end's half
        same = start % 720 + (720 if stop_half == "p" else 0)
        start = same if same <= stop else same - 720
        start_text = f"{start // 60:02d}:{start % 60:02d}"
    length = timedelta(minutes=stop - start) if stop > start else None
    return when[: match.start()] + " " + start_text + " " + when[match.end() :], length


def read_time(
    when: str, mention: ZoneMention | None, my_zone: str, now: datetime, day_first: bool | None
) -> tuple[ParsedTime | None, tuple[ParsedTime, ...], list[str]]:
    zone = _zone_meant(mention, my_zone, now)
    if mention:
        when = when.replace(mention.text, " ")
    when = re.sub(r"\((?:US\s*&\s*Canada|[^()]{0,3})\)", " ", when)
    when = re.sub(r"\b(?:at|from|on|time\s*zone)\b:?", " ", when, flags=re.IGNORECASE)
    when = " ".join(when.replace(",", " ").split()).strip(" .-")
    notes: list[str] = []
    try:
        parsed = parse_when(when, zone=zone, now=now, day_first=day_first)
    except AmbiguousTime as question:
        return None, question.choices, [question.message]
    except TimeParseError as error:
        return None, (), [f"The time in the text could not be read: {error.message}"]
    if mention and mention.zone == "UTC" and parsed.zone == "UTC" and my_zone != "UTC":
        mine = parsed.instant.astimezone(ZoneInfo(my_zone))
        if not mine.utcoffset():  # "10:00 GMT" in London in winter: London, not UTC
            parsed = at_instant(parsed.instant, my_zone, parsed.notes)
    if not mention:
        notes.append(f"No time zone was given, so the time was read in your zone ({my_zone}).")
    return (
        parsed,
        (),
        notes + _abbreviation_notes(parsed, mention.abbreviation if mention else "", my_zone),
    )


def _abbreviation_notes(parsed: ParsedTime, abbr: str, my_zone: str) -> list[str]:
    """What an abbreviation left open: which place, a season it does not name, GMT."""
    notes = []
    note = reading_note(abbr, parsed.zone, my_zone) if abbr else None
    if note:
        notes.append(f"{note}; check it with the interviewer.")
    local = parsed.instant.astimezone(ZoneInfo(parsed.zone))
    if (abbr in SEASONAL or is_ambiguous(abbr)) and zone_label(local) != abbr:
        notes.append(
            f"The text says {abbr}, but {parsed.zone} is on {zone_label(local)} "
            f"that day; it was read as {parsed.zone} time ({clock_time(local)} "
            f"{zone_label(local)}). Check it with the interviewer."
        )
    if abbr == "GMT" and parsed.zone == "UTC":
        uk = parsed.instant.astimezone(ZoneInfo("Europe/London"))
        if uk.utcoffset():
            notes.append(
                f"GMT was read as UTC exactly, which is {clock_time(uk)} {zone_label(uk)} in "
                f"the UK that day; if they meant UK time, make it {clock_time(parsed.local)} "
                "Europe/London."
            )
    return notes


def _zone_meant(mention: ZoneMention | None, my_zone: str, now: datetime) -> str:
    """The zone the text names; for "IST" and the like, the person's own when it shows it."""
    if mention is None:
        return my_zone
    abbr = mention.abbreviation
    if abbr and is_ambiguous(abbr) and shows(my_zone, abbr, now.year):
        return my_zone
    return mention.zone
