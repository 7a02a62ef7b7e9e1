"""Wall-clock times in IANA zones: DST gaps, repeated hours, offsets and abbreviations.

A wall-clock time plus a zone names zero, one or two instants. Which case applies is found
by round-tripping both ``fold`` values through UTC with :mod:`zoneinfo`, never by guessing.
The public names are re-exported by :mod:`crickets.domain.timeparse`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from crickets.domain.timefmt import clock_time, day_text, echo_text, utc_offset, zone_label


class TimeParseError(ValueError):
    """Text that does not name one instant; ``message`` says what is wrong and how to fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NonexistentTime(TimeParseError):
    """A wall-clock time skipped when the clocks jump forward."""


class AmbiguousTime(TimeParseError):
    """A question: the text fits more than one instant, listed in ``choices``."""

    def __init__(self, message: str, choices: tuple[ParsedTime, ...]) -> None:
        super().__init__(message)
        self.choices = choices


@dataclass(frozen=True)
class ParsedTime:
    """One instant read from text, with the wall-clock time and zone it was given in."""

    local: datetime  # naive wall-clock time in ``zone``; ``fold`` = 1 for the repeated hour
    zone: str  # IANA name
    instant: datetime  # aware, UTC
    echo: str  # unambiguous echo-back, see timefmt.echo_text
    notes: tuple[str, ...] = ()  # assumptions made, in plain words


@dataclass(frozen=True)
class ZoneHint:
    """What the text said about the zone; every field is a constraint on the reading."""

    name: str | None = None  # IANA name, "UTC" for UTC/GMT/Z
    offset: timedelta | None = None
    abbreviation: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def fixed(self) -> bool:
        """Only a numeric offset was given: the instant is exact, the zone is open."""
        return self.offset is not None and self.name is None and self.abbreviation is None


# Abbreviations accepted only where the zone really shows them: what else they can mean,
# and a zone to suggest instead.
ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "EST": ("US Eastern or Australian Eastern Standard Time", "America/New_York"),
    "EDT": ("US Eastern Daylight Time", "America/New_York"),
    "CST": ("US Central, China or Cuba Standard Time", "America/Chicago"),
    "CDT": ("US Central or Cuba Daylight Time", "America/Chicago"),
    "MST": ("US Mountain Standard Time", "America/Denver"),
    "MDT": ("US Mountain Daylight Time", "America/Denver"),
    "PST": ("US Pacific or Philippine Standard Time", "America/Los_Angeles"),
    "PDT": ("US Pacific Daylight Time", "America/Los_Angeles"),
    "AKST": ("Alaska Standard Time", "America/Anchorage"),
    "AKDT": ("Alaska Daylight Time", "America/Anchorage"),
    "HST": ("Hawaii Standard Time", "Pacific/Honolulu"),
    "AST": ("Atlantic or Arabia Standard Time", "America/Halifax"),
    "ADT": ("Atlantic Daylight Time", "America/Halifax"),
    "NST": ("Newfoundland Standard Time", "America/St_Johns"),
    "NDT": ("Newfoundland Daylight Time", "America/St_Johns"),
    "BST": ("British Summer Time or Bangladesh Standard Time", "Europe/London"),
    "IST": ("India, Israel or Irish Standard Time", "Asia/Kolkata"),
    "IDT": ("Israel Daylight Time", "Asia/Jerusalem"),
    "WET": ("Western European Time", "Europe/Lisbon"),
    "WEST": ("Western European Summer Time", "Europe/Lisbon"),
    "CET": ("Central European Time", "Europe/Paris"),
    "CEST": ("Central European Summer Time", "Europe/Paris"),
    "EET": ("Eastern European Time", "Europe/Athens"),
    "EEST": ("Eastern European Summer Time", "Europe/Athens"),
    "MSK": ("Moscow Time", "Europe/Moscow"),
    "SAST": ("South African Standard Time", "Africa/Johannesburg"),
    "WAT": ("West Africa Time", "Africa/Lagos"),
    "CAT": ("Central Africa Time", "Africa/Maputo"),
    "EAT": ("East Africa Time", "Africa/Nairobi"),
    "PKT": ("Pakistan Standard Time", "Asia/Karachi"),
    "HKT": ("Hong Kong Time", "Asia/Hong_Kong"),
    "SGT": ("Singapore Time", "Asia/Singapore"),
    "JST": ("Japan Standard Time", "Asia/Tokyo"),
    "KST": ("Korea Standard Time", "Asia/Seoul"),
    "AWST": ("Australian Western Standard Time", "Australia/Perth"),
    "ACST": ("Australian Central Standard Time", "Australia/Adelaide"),
    "ACDT": ("Australian Central Daylight Time", "Australia/Adelaide"),
    "AEST": ("Australian Eastern Standard Time", "Australia/Sydney"),
    "AEDT": ("Australian Eastern Daylight Time", "Australia/Sydney"),
    "NZST": ("New Zealand Standard Time", "Pacific/Auckland"),
    "NZDT": ("New Zealand Daylight Time", "Pacific/Auckland"),
}


def quoted(text: str, limit: int = 40) -> str:
    """The person's text, safe to show: control characters dropped, whitespace collapsed."""
    kept = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    flat = " ".join(kept.split())
    return f'"{flat[: limit - 1]}…"' if len(flat) > limit else f'"{flat}"'


def zone_info(name: str) -> ZoneInfo:
    """The zone for an IANA name; an unknown name is a :class:`TimeParseError`."""
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError) as exc:
        raise TimeParseError(
            f"{quoted(name)} is not a time zone Crickets knows; use an IANA name "
            "such as Europe/London or America/New_York."
        ) from exc


def offset_label(offset: timedelta) -> str:
    """``UTC+02:00``, written as timefmt writes offsets."""
    return utc_offset(datetime(2000, 1, 1, tzinfo=timezone(offset)))


def at_instant(instant: datetime, zone: str, notes: tuple[str, ...] = ()) -> ParsedTime:
    local = instant.astimezone(zone_info(zone)).replace(tzinfo=None)  # keeps .fold
    return ParsedTime(local, zone, instant.astimezone(UTC), echo_text(instant, zone), notes)


def resolve_local(local: datetime, zone: str, fold: int | None = None) -> ParsedTime:
    """The instant a naive wall-clock time names in ``zone``.

    Raises :class:`NonexistentTime` in a DST gap, and :class:`AmbiguousTime` (fold 0
    first) in the repeated hour unless ``fold`` says which one.
    """
    return choose(readings(local, zone), fold)


def readings(local: datetime, zone: str) -> tuple[ParsedTime, ...]:
    """Every instant ``local`` names in ``zone``: one, or two in the repeated hour."""
    if local.tzinfo is not None:
        raise ValueError("local must be a naive wall-clock time; the zone is separate")
    tz = zone_info(zone)
    both = [local.replace(tzinfo=tz, fold=fold) for fold in (0, 1)]
    if both[0].utcoffset() == both[1].utcoffset():
        return (at_instant(both[0], zone),)
    real = [a for a in both if a.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == local]
    if not real:
        before, after = _jump(local, tz)
        raise NonexistentTime(
            f"{clock_time(local)} on {day_text(local)} does not exist in {zone}: clocks jump "
            f"from {clock_time(before)} to {clock_time(after)}, so pick a time outside that gap."
        )
    return tuple(at_instant(a, zone) for a in real)


def choose(found: tuple[ParsedTime, ...], fold: int | None) -> ParsedTime:
    """The one reading, or the one ``fold`` picks; with two and no fold, ask."""
    if len(found) == 1:
        return found[0]
    if fold is not None:
        return found[1 if fold else 0]
    first = found[0]
    tz = zone_info(first.zone)
    before, after = _jump(first.local, tz)
    labels = [zone_label(p.instant.astimezone(tz)) for p in found]
    raise AmbiguousTime(
        f"{clock_time(first.local)} on {day_text(first.local)} happens twice in {first.zone}: "
        f"clocks go back from {clock_time(before)} to {clock_time(after)}, so choose the first "
        f"({labels[0]}) or the second ({labels[1]}).",
        found,
    )


def _jump(local: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Wall-clock times just before and at the transition that makes ``local`` odd."""
    ends = sorted(local.replace(tzinfo=tz, fold=fold).astimezone(UTC) for fold in (0, 1))
    lo, hi = int(ends[0].timestamp()), int(ends[1].timestamp()) + 1
    old = _offset(lo, tz)
    while hi - lo > 1:  # bisect on whole seconds; transitions fall on whole seconds
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if _offset(mid, tz) == old else (lo, mid)
    at = datetime.fromtimestamp(hi, UTC)
    return (at + old).replace(tzinfo=None), (at + _offset(hi, tz)).replace(tzinfo=None)


def _offset(timestamp: int, tz: ZoneInfo) -> timedelta:
    return datetime.fromtimestamp(timestamp, tz).utcoffset() or timedelta(0)


def hint_tzinfo(hint: ZoneHint, zone: str) -> tzinfo:
    """The clock the text speaks in, for words like "today"."""
    if hint.fixed and hint.offset is not None:
        return timezone(hint.offset)
    return zone_info(hint.name or zone)


def resolve_hinted(
    local: datetime, zone: str, hint: ZoneHint, fold: int | None, notes: tuple[str, ...]
) -> ParsedTime:
    """Resolve ``local`` under what the text said about the zone (``zone`` by default)."""
    notes = hint.notes + notes
    if hint.fixed and hint.offset is not None:
        return _fixed(local, hint.offset, zone, notes)
    zone = hint.name or zone
    found = tuple(replace(p, notes=notes) for p in readings(local, zone))
    if hint.offset is not None:
        found = _matching_offset(found, hint.offset)
    if hint.abbreviation is not None:
        found = _matching_abbreviation(found, hint.abbreviation)
    return choose(found, fold)


def _matching_offset(found: tuple[ParsedTime, ...], offset: timedelta) -> tuple[ParsedTime, ...]:
    tz = zone_info(found[0].zone)
    kept = tuple(p for p in found if p.instant.astimezone(tz).utcoffset() == offset)
    if not kept:
        shown = utc_offset(found[0].instant.astimezone(tz))
        raise TimeParseError(
            f"The offset {offset_label(offset)} does not match "
            f"{found[0].zone} on {day_text(found[0].local)} ({shown}); give only one of them."
        )
    return kept


def _matching_abbreviation(found: tuple[ParsedTime, ...], abbr: str) -> tuple[ParsedTime, ...]:
    tz = zone_info(found[0].zone)
    kept = tuple(p for p in found if p.instant.astimezone(tz).tzname() == abbr)
    if not kept:
        meaning, example = ABBREVIATIONS[abbr]
        zone, day = found[0].zone, day_text(found[0].local)
        shown = zone_label(found[0].instant.astimezone(tz))
        if example == zone:
            raise TimeParseError(
                f"{zone} shows {shown}, not {abbr}, on {day}; check the date, "
                "or leave the abbreviation out."
            )
        raise TimeParseError(
            f"{abbr} can mean {meaning}, and {zone} shows {shown} on {day}, "
            f"so give an IANA zone such as {example} instead."
        )
    return kept


def _fixed(local: datetime, offset: timedelta, zone: str, notes: tuple[str, ...]) -> ParsedTime:
    """An exact instant from a numeric offset, shown in ``zone`` when the clocks agree."""
    instant = local.replace(tzinfo=timezone(offset)).astimezone(UTC)
    if instant.astimezone(zone_info(zone)).utcoffset() == offset:
        return at_instant(instant, zone, notes)
    hours, rest = divmod(offset, timedelta(hours=1))
    # Etc names invert the sign (POSIX style): Etc/GMT-2 is two hours AHEAD of UTC.
    name = f"Etc/GMT{-hours:+d}" if hours and not rest and -14 <= hours <= 12 else "UTC"
    if offset:
        label = offset_label(offset)
        notes = (*notes, f"{label} is not the offset of {zone} then, so the time is kept in {name}")
    return at_instant(instant, name, notes)
