"""Wall-clock times in IANA zones: DST gaps, repeated hours, offsets and abbreviations.

A wall-clock time plus a zone names zero, one or two instants. Which case applies is found
by round-tripping both ``fold`` values through UTC with :mod:`zoneinfo`, never by guessing.
The public names are re-exported by :mod:`crickets.domain.timeparse`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
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
    utc_word: str | None = None  # "GMT", "UTC" or "Z" as written, when one gave ``name``

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
