"""A TZID from an invitation, turned into a way to get instants and an IANA zone.

Resolution order (as icalendar's own lookup, without its process-wide cache of custom
zones, so one file's definitions never leak into the next):

1. an IANA name ("America/New_York"; any letter case);
2. a Windows name ("Pacific Standard Time"), through icalendar's CLDR table;
3. a "globally unique" TZID with a vendor prefix ("/mozilla.org/20050126_1/Europe/Berlin"),
   whose IANA tail is used; the file's VTIMEZONE or its X-LIC-LOCATION confirms it;
4. the file's own VTIMEZONE, evaluated here (:mod:`crickets.invitations.ics.recur` bounds
   its rules) and matched to an IANA zone with the same offsets all year round: first the
   zone its TZID or X-LIC-LOCATION names ("US-Eastern" is New York), then the person's and
   the file's zones, then every other. A zone whose rules differ from the definition around
   the event is never used, even with the same offset that day (a "US-Eastern" is not
   America/La_Paz); with no match the instant is kept exactly, in UTC, with a warning.
   An event before the definition's first observance is compared with that first year.

Whenever a VTIMEZONE in the file disagrees with the IANA zone its TZID names, the IANA rules
win (the people agreed on a wall-clock time in that place) and a warning says so.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, available_timezones

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from crickets.domain.timefmt import utc_offset
from crickets.domain.zones.names import find_zone
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


def _samples(file_zone: FileZone, instant: datetime) -> list[datetime]:
    """The instants to compare at: every fortnight for a year around ``instant`` where the
    definition says something (else its first year), ``instant`` itself, and each side of
    each of the file's clock changes among them (Havana and New York differ only there)."""
    first = file_zone.first_change
    around = [instant + timedelta(days=days) for days in _SAMPLE_DAYS]
    defined = [at for at in around if at >= first]
    if len(defined) < len(around) // 2:  # the event is (long) before the definition begins
        defined = [first + timedelta(days=days - _SAMPLE_DAYS[0]) for days in _SAMPLE_DAYS]
    changes = file_zone.changes_between(defined[0], defined[-1])
    minute = timedelta(minutes=1)
    sides = [at + side for at in changes for side in (-minute, minute) if at + side >= first]
    return [instant, *defined, *sides]


def _expected_offsets(file_zone: FileZone, instant: datetime) -> list[tuple[datetime, timedelta]]:
    """The definition's offset at each sample around ``instant``: worked out once, then
    compared with every candidate zone (never the definition's changes once per zone)."""
    return [(at, file_zone.offset_at_utc(at)) for at in _samples(file_zone, instant)]


def _same_offsets(zone: ZoneInfo, expected: Sequence[tuple[datetime, timedelta]]) -> bool:
    """Whether ``zone`` has the definition's offset at every sample."""
    return all(at.astimezone(zone).utcoffset() == offset for at, offset in expected)


def named_zone(tzid: str) -> str | None:
    """The zone a custom TZID names in words: "US-Eastern", "Eastern Time", "India Time"."""
    mention = find_zone(re.sub(r"[-_/]+", " ", tzid))
    return iana_name(mention.zone) if mention else None


def match_zone(
    file_zone: FileZone, instant: datetime, prefer: Sequence[str]
) -> tuple[str, str | None]:
    """An IANA zone for a custom VTIMEZONE at ``instant``: (name, warning or None)."""
    offset = file_zone.offset_at_utc(instant)
    text = file_zone.tzid.lower().replace("_", " ")
    everywhere = _regional_zones()
    cities = [z for z in everywhere if _city(z) in text]
    order = [file_zone.location, *cities, named_zone(file_zone.tzid), *prefer]
    order += [*WINDOWS_TO_OLSON.values(), *everywhere]
    order += sorted(z for z in available_timezones() if z.startswith("Etc/"))
    candidates = [name for z in dict.fromkeys(order) if z and (name := iana_name(z))]
    expected = _expected_offsets(file_zone, instant)
    for name in candidates:
        if _same_offsets(ZoneInfo(name), expected):
            return name, None
    shown = utc_offset(instant.astimezone(timezone(offset)))
    if instant < file_zone.first_change:
        return "UTC", (
            f"The invitation's own time zone {file_zone.tzid!r} is defined only from "
            f"{file_zone.first_change.year}, after this event; the time was read at its "
            f"standard offset ({shown}), is kept exactly and shown in UTC. Check it."
        )
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
