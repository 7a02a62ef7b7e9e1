"""A TZID from an invitation, turned into a way to get instants and an IANA zone.

Resolution order (as icalendar's own lookup, without its process-wide cache of custom
zones, so one file's definitions never leak into the next):

1. an IANA name ("America/New_York"; any letter case);
2. a Windows name ("Pacific Standard Time"), through icalendar's CLDR table;
3. a "globally unique" TZID with a vendor prefix ("/mozilla.org/20050126_1/Europe/Berlin"),
   whose IANA tail is used; the file's VTIMEZONE or its X-LIC-LOCATION confirms it;
4. the file's own VTIMEZONE, evaluated here (:mod:`crickets.invitations.ics.recur` bounds
   its rules) and matched to an IANA zone with the same offsets all year round, else one
   with the same offset at that instant, else the instant is kept in UTC with a warning.

Whenever a VTIMEZONE in the file disagrees with the IANA zone its TZID names, the IANA rules
win (the people agreed on a wall-clock time in that place) and a warning says so.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, available_timezones

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from crickets.domain.timefmt import utc_offset
from crickets.invitations.ics.vtimezone import FileZone

_SAMPLE_DAYS = range(-180, 181, 15)


@functools.cache
def _iana_names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def iana_name(text: str) -> str | None:
    """The canonical spelling of an IANA zone name, or None."""
    return _iana_names().get(text.strip().lower())


@functools.cache
def _windows_names() -> dict[str, str]:
    return {k.lower(): v for k, v in WINDOWS_TO_OLSON.items() if iana_name(v)}


def known_zone(tzid: str) -> tuple[str, str] | None:
    """(IANA name, how it was found) for an IANA, Windows or vendor-prefixed TZID."""
    cleaned = tzid.strip().strip('"').strip()
    bare = cleaned.strip("/")
    if name := iana_name(bare):
        return name, ""
    if name := _windows_names().get(bare.lower()):
        return iana_name(name) or name, f"the Windows zone name {bare!r}"
    if cleaned.startswith("/"):
        parts = bare.split("/")
        for start in range(1, len(parts)):
            if name := iana_name("/".join(parts[start:])):
                return name, f"the vendor zone name {bare!r}"
    return None


def _same_offsets(zone: ZoneInfo, file_zone: FileZone, instant: datetime) -> bool:
    """Same offset every fortnight for a year around ``instant``, and on each side of each
    of the file's clock changes in that year (Havana and New York differ only there)."""
    samples = [instant + timedelta(days=days) for days in _SAMPLE_DAYS]
    for change in file_zone.changes_near(instant):
        samples += [change - timedelta(minutes=1), change + timedelta(minutes=1)]
    return all(at.astimezone(zone).utcoffset() == file_zone.offset_at_utc(at) for at in samples)


def match_zone(
    file_zone: FileZone, instant: datetime, prefer: Sequence[str]
) -> tuple[str, str | None]:
    """An IANA zone for a custom VTIMEZONE at ``instant``: (name, warning or None)."""
    offset = file_zone.offset_at_utc(instant)
    text = file_zone.tzid.lower().replace("_", " ")
    everywhere = _regional_zones()
    named = [z for z in everywhere if _city(z) in text]
    order = [file_zone.location, *named, *prefer, *WINDOWS_TO_OLSON.values(), *everywhere]
    order += sorted(z for z in available_timezones() if z.startswith("Etc/"))
    candidates = [name for z in dict.fromkeys(order) if z and (name := iana_name(z))]
    for name in candidates:
        if _same_offsets(ZoneInfo(name), file_zone, instant):
            return name, None
    for name in candidates:
        if instant.astimezone(ZoneInfo(name)).utcoffset() == offset:
            return name, (
                f"The invitation's own time zone {file_zone.tzid!r} matches no known zone all "
                f"year round; it is shown as {name}, which has the same offset on that day."
            )
    shown = utc_offset(instant.astimezone(timezone(offset)))
    return "UTC", (
        f"The invitation's own time zone {file_zone.tzid!r} ({shown}) matches no known zone; "
        "the time is kept exactly and shown in UTC."
    )


@functools.cache
def _regional_zones() -> tuple[str, ...]:
    """Zones named after a place ("Europe/Paris"), without the old aliases ("US/Eastern")."""
    regions = (
        *("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/"),
        *("Europe/", "Indian/", "Pacific/"),
    )
    return tuple(sorted(z for z in available_timezones() if z.startswith(regions)))


def _city(zone: str) -> str:
    city = zone.rsplit("/", 1)[-1].replace("_", " ").lower()
    return city if len(city) > 3 else "\x00"


def disagreement(zone: str, file_zone: FileZone | None, local: datetime) -> str | None:
    """A warning when the file's own definition of ``zone`` gives another offset."""
    if file_zone is None:
        return None
    theirs = file_zone.offset_at_local(local)
    ours = local.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    if ours is None or theirs == ours:
        return None
    return (
        f"The invitation's definition of {zone} gives {_label(theirs)} on that day, but the "
        f"current rules give {_label(ours)}; Crickets uses the current rules."
    )


def _label(offset: timedelta) -> str:
    return utc_offset(datetime(2000, 1, 1, tzinfo=timezone(offset)))
