"""An event's start: DTSTART's wall-clock time and TZID turned into an instant and a zone.

A :class:`TimeBase` is how wall-clock times of one event become instants (and back into
an IANA zone for the interview): an IANA zone, UTC, or the file's own VTIMEZONE. When
there is no honest instant (an all-day event, a TZID nobody defines, no DTSTART at all)
the result says *why*, and the person is asked for the time: a naive time never passes
silently. Floating times use X-WR-TIMEZONE when the file has one, else the person's own
zone, with a warning that says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from crickets.domain.timefmt import clock_time, day_text, zone_label
from crickets.invitations.ics.limits import IcsError
from crickets.invitations.ics.vtimezone import FileZone, zone_lookup
from crickets.invitations.ics.zones import disagreement, known_zone, match_zone

# Dates outside these years are not an interview's (and near 1 or 9999 they overflow).
PLAUSIBLE_YEARS = range(1900, 2201)


class TimeBase(Protocol):
    def instant(self, wall: datetime) -> datetime:
        """The aware UTC instant a naive wall-clock time names."""
        ...

    def to_wall(self, instant: datetime) -> datetime:
        """The naive wall-clock time of an instant, in this base's clock."""
        ...

    def place(self, instant: datetime) -> tuple[str, tuple[str, ...]]:
        """The IANA zone to keep the interview in, and any warning about that choice."""
        ...


@dataclass(frozen=True)
class IanaBase:
    zone: str

    def instant(self, wall: datetime) -> datetime:
        # fold=0: RFC 5545 takes the first of a repeated time and the offset before a gap.
        return wall.replace(tzinfo=ZoneInfo(self.zone), fold=0).astimezone(UTC)

    def to_wall(self, instant: datetime) -> datetime:
        return instant.astimezone(ZoneInfo(self.zone)).replace(tzinfo=None, fold=0)

    def place(self, instant: datetime) -> tuple[str, tuple[str, ...]]:
        return self.zone, ()

    def odd_time(self, wall: datetime) -> str | None:
        """A warning when ``wall`` is skipped or repeated by a clock change."""
        tz = ZoneInfo(self.zone)
        first, second = (wall.replace(tzinfo=tz, fold=f) for f in (0, 1))
        if first.utcoffset() == second.utcoffset():
            return None
        shown = f"{clock_time(wall)} on {day_text(wall)}"
        back = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        if back != wall:
            moved = self.instant(wall).astimezone(tz)
            return (
                f"{shown} does not exist in {self.zone} (the clocks jump); it was read as "
                f"{clock_time(moved)} {zone_label(moved)}, as calendars do. Check the time."
            )
        return (
            f"{shown} happens twice in {self.zone} (the clocks go back); the first one "
            f"({zone_label(first)}) was taken, as calendars do."
        )


@dataclass(frozen=True)
class UtcBase:
    show_in: str  # the zone to keep the interview in; the instant is exact either way

    def instant(self, wall: datetime) -> datetime:
        return wall.replace(tzinfo=UTC)

    def to_wall(self, instant: datetime) -> datetime:
        return instant.astimezone(UTC).replace(tzinfo=None)

    def place(self, instant: datetime) -> tuple[str, tuple[str, ...]]:
        return self.show_in, ()


@dataclass(frozen=True)
class FileBase:
    zone: FileZone
    prefer: tuple[str, ...]

    def instant(self, wall: datetime) -> datetime:
        return (wall - self.zone.offset_at_local(wall)).replace(tzinfo=UTC)

    def to_wall(self, instant: datetime) -> datetime:
        return instant.astimezone(UTC).replace(tzinfo=None) + self.zone.offset_at_utc(instant)

    def place(self, instant: datetime) -> tuple[str, tuple[str, ...]]:
        name, warning = match_zone(self.zone, instant, self.prefer)
        return name, (warning,) if warning else ()


@dataclass(frozen=True)
class Start:
    """DTSTART read: a base and a wall-clock time, or the reason there is no time."""

    base: TimeBase | None = None
    wall: datetime | None = None  # naive
    day: date | None = None  # the date, when only the time is missing
    needs_time: str = ""
    warnings: tuple[str, ...] = ()


def is_broken(prop: Any) -> bool:
    """icalendar keeps a value it could not parse as a vBroken, which raises on use."""
    return type(prop).__name__ == "vBroken"


def first(component: Any, name: str) -> Any:
    """A property that should appear once: the first when repeated, None when absent."""
    value = component.get(name)
    if isinstance(value, list):
        return value[0] if value else None
    return value


def read_start(
    prop: Any,
    *,
    what: str,
    file_zones: Mapping[str, FileZone],
    file_zone_name: str | None,
    my_zone: str,
    prefer: Sequence[str],
) -> Start:
    """How DTSTART (or RECURRENCE-ID) ``prop`` of the event called ``what`` is meant."""
    if prop is None:
        return Start(needs_time="the invitation gives no start time")
    if is_broken(prop):
        raise IcsError(f"The start of {what} is not a real date and time ({_raw(prop)}).")
    value = getattr(prop, "dt", None)  # VALUE=URI and the like have none
    if not isinstance(value, date):
        raise IcsError(f"The start of {what} is not a date and time.")
    if value.year not in PLAUSIBLE_YEARS:
        return Start(needs_time=f"its date is in the year {value.year}")
    if not isinstance(value, datetime):
        return Start(day=value, needs_time="it is an all-day event, so it has no time of day")
    tzid = str(prop.params.get("TZID", "") or "").strip()
    if tzid:
        return _zoned(value.replace(tzinfo=None), tzid, file_zones, prefer)
    if value.tzinfo is not None:
        wall = value.astimezone(UTC).replace(tzinfo=None)
        return Start(base=UtcBase(file_zone_name or my_zone), wall=wall)
    if file_zone_name:
        return _iana(value, file_zone_name, ())
    warning = (
        f"The invitation gives no time zone, so {clock_time(value)} was read in your zone "
        f"({my_zone}); check the time with the interviewer."
    )
    return _iana(value, my_zone, (warning,))


def _zoned(
    wall: datetime, tzid: str, file_zones: Mapping[str, FileZone], prefer: Sequence[str]
) -> Start:
    defined = zone_lookup(file_zones, tzid)
    unusable = defined is not None and not defined.usable
    if unusable:
        defined = None
    known = known_zone(tzid)
    if known is None and defined is not None and defined.location:
        known = known_zone(defined.location)
    if known is not None:
        name = known[0]
        clash = disagreement(name, defined, wall)
        return _iana(wall, name, (clash,) if clash else ())
    if defined is not None:
        return Start(base=FileBase(defined, tuple(prefer)), wall=wall)
    how = "defines it in a way Crickets cannot use" if unusable else "does not define it"
    return Start(
        day=wall.date(),
        needs_time=f"its time zone {tzid[:60]!r} is not one Crickets knows and the file {how}",
    )


def _iana(wall: datetime, zone: str, warnings: tuple[str, ...]) -> Start:
    base = IanaBase(zone)
    odd = base.odd_time(wall)
    return Start(base=base, wall=wall, warnings=(*warnings, odd) if odd else warnings)


def _raw(prop: Any) -> str:
    return str(prop)[:40]  # a vBroken is the raw text itself
