"""How instants are written for people: unambiguous, locale-independent, both zones.

Names are spelled out here rather than taken from ``strftime`` so that output does not
depend on the process locale (``%A`` is "mardi" under fr_FR).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def clock_time(local: datetime) -> str:
    """``2:00 PM``, ``12:30 AM``."""
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return f"{hour}:{local.minute:02d} {half}"


def zone_label(local: datetime) -> str:
    """The abbreviation in force (``EST``), or the UTC offset when the zone has none."""
    name = local.tzname() or ""
    if name and name[0] not in "+-":
        return name
    return utc_offset(local)


def utc_offset(local: datetime) -> str:
    """``UTC−05:00`` (a real minus sign), ``UTC+05:30``, ``UTC``."""
    offset = local.utcoffset()
    if offset is None or not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hh, mm = divmod(abs(minutes), 60)
    return f"UTC{sign}{hh:02d}:{mm:02d}"


def time_in_zone(instant: datetime, zone: str) -> str:
    """``2:00 PM EST``."""
    local = instant.astimezone(ZoneInfo(zone))
    return f"{clock_time(local)} {zone_label(local)}"


def day_text(local: datetime) -> str:
    """``Tuesday 1 December 2026``."""
    return f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} {local.year}"


def long_text(instant: datetime, zone: str) -> str:
    """``Tuesday 1 December 2026, 2:00 PM EST``: the form used to echo a parsed time."""
    local = instant.astimezone(ZoneInfo(zone))
    return f"{day_text(local)}, {clock_time(local)} {zone_label(local)}"


def echo_text(instant: datetime, zone: str) -> str:
    """The echo-back: ``Tuesday 1 December 2026, 2:00 PM EST (America/New_York, UTC−05:00)``."""
    local = instant.astimezone(ZoneInfo(zone))
    return f"{long_text(instant, zone)} ({zone}, {utc_offset(local)})"


def same_offset(instant: datetime, zone_a: str, zone_b: str) -> bool:
    return (
        instant.astimezone(ZoneInfo(zone_a)).utcoffset()
        == instant.astimezone(ZoneInfo(zone_b)).utcoffset()
    )


def both_zones(instant: datetime, their_zone: str, my_zone: str, *, inline: bool = False) -> str:
    """``2:00 PM EST (11:00 AM your time)``, or just ``2:00 PM EST`` when the clocks agree.

    ``inline`` gives ``2:00 PM EST, 11:00 AM your time`` for text already in parentheses.
    """
    theirs = time_in_zone(instant, their_zone)
    if same_offset(instant, their_zone, my_zone):
        return theirs
    mine = clock_time(instant.astimezone(ZoneInfo(my_zone)))
    return f"{theirs}, {mine} your time" if inline else f"{theirs} ({mine} your time)"
