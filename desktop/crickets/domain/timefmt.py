"""How instants are written for people: unambiguous, locale-independent, both zones.

Names are spelled out here rather than taken from ``strftime`` so that output does not
depend on the process locale (``%A`` is "mardi" under fr_FR). Whether the clock has 12 or
24 hours is the person's choice (``Settings.clock_24h``); reading the locale's default is
left to the caller, which passes ``True``/``False``. ``None`` means 12-hour here.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def clock_time(local: datetime, clock_24h: bool | None = None) -> str:
    """``2:00 PM``, ``12:30 AM``; ``14:00``, ``00:30`` on the 24-hour clock."""
    if clock_24h:
        return f"{local.hour:02d}:{local.minute:02d}"
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return f"{hour}:{local.minute:02d} {half}"


def is_midnight(local: datetime) -> bool:
    """Exactly 00:00, the time that "12:00 AM" leaves people unsure about."""
    return (local.hour, local.minute, local.second) == (0, 0, 0)


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


def time_in_zone(instant: datetime, zone: str, clock_24h: bool | None = None) -> str:
    """``2:00 PM EST``."""
    local = instant.astimezone(ZoneInfo(zone))
    return f"{clock_time(local, clock_24h)} {zone_label(local)}"


def day_text(local: datetime) -> str:
    """``Tuesday 1 December 2026``."""
    return f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} {local.year}"


def long_text(instant: datetime, zone: str, clock_24h: bool | None = None) -> str:
    """``Tuesday 1 December 2026, 2:00 PM EST``: the form used to echo a parsed time."""
    local = instant.astimezone(ZoneInfo(zone))
    return f"{day_text(local)}, {clock_time(local, clock_24h)} {zone_label(local)}"


def echo_text(instant: datetime, zone: str, clock_24h: bool | None = None) -> str:
    """The echo-back: ``Tuesday 1 December 2026, 2:00 PM EST (America/New_York, UTC−05:00)``.

    It reads back as the same instant; at 00:00 it says ``00:00`` (the start of that day),
    since "12:00 AM" on a named day is asked about, as people read it either way.
    """
    local = instant.astimezone(ZoneInfo(zone))
    clock = "00:00" if is_midnight(local) else clock_time(local, clock_24h)
    return f"{day_text(local)}, {clock} {zone_label(local)} ({zone}, {utc_offset(local)})"


def same_offset(instant: datetime, zone_a: str, zone_b: str) -> bool:
    return (
        instant.astimezone(ZoneInfo(zone_a)).utcoffset()
        == instant.astimezone(ZoneInfo(zone_b)).utcoffset()
    )


def my_clock(
    instant: datetime, their_zone: str, my_zone: str, clock_24h: bool | None = None
) -> str:
    """The person's own clock beside the interviewer's: ``11:00 PM``, and ``Wednesday
    11:00 PM`` when the person's day is not the interviewer's (8 AM Thursday in India is
    still Wednesday evening in London, and a bare "11:00 PM" would be read as Thursday)."""
    mine = instant.astimezone(ZoneInfo(my_zone))
    theirs = instant.astimezone(ZoneInfo(their_zone))
    shown = clock_time(mine, clock_24h)
    if mine.date() != theirs.date():
        return f"{WEEKDAYS[mine.weekday()]} {shown}"
    return shown


def both_zones(
    instant: datetime,
    their_zone: str,
    my_zone: str,
    *,
    inline: bool = False,
    clock_24h: bool | None = None,
) -> str:
    """``2:00 PM EST (11:00 AM your time)``, or just ``2:00 PM EST`` when the clocks agree.

    The person's day is named whenever it is not the interviewer's:
    ``8:00 AM IST (Wednesday 11:00 PM your time)``. ``inline`` gives
    ``8:00 AM IST, Wednesday 11:00 PM your time`` for text already in parentheses.
    """
    theirs = time_in_zone(instant, their_zone, clock_24h)
    if same_offset(instant, their_zone, my_zone):
        return theirs
    mine = my_clock(instant, their_zone, my_zone, clock_24h)
    return f"{theirs}, {mine} your time" if inline else f"{theirs} ({mine} your time)"
