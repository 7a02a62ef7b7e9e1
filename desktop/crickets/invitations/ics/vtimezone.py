"""A VTIMEZONE from the file itself, read without icalendar's process-wide zone cache.

Its STANDARD/DAYLIGHT observances give onsets (DTSTART, each RRULE occurrence, each RDATE);
each onset is a clock change from TZOFFSETFROM to TZOFFSETTO. RRULEs are expanded with the
bounds of :mod:`crickets.invitations.ics.rule_dates`, only between the dates the caller
needs, so a rule from 1601 (as Outlook writes them) costs a few hundred steps and a hostile
one fails cleanly. Offsets beyond ±15 hours make the definition unusable. Lookups bisect
the sorted changes: matching a definition against every known zone asks many of them.

Before its first onset a definition says nothing (RFC 5545 leaves it open). Old invitations
carry definitions that start years after the event; there the *standard* offset is used
(the first STANDARD observance's TZOFFSETTO), never the offset a DAYLIGHT onset came from.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from crickets.invitations.ics.recur import RecurrenceError, build_rule
from crickets.invitations.ics.rule_dates import occurrences

MAX_OFFSET = timedelta(hours=15)


@dataclass(frozen=True)
class _Transition:
    local: datetime  # wall-clock onset, in the clock before the change
    utc: datetime  # naive UTC
    before: timedelta
    after: timedelta
    standard: bool  # a STANDARD observance (else DAYLIGHT)


class FileZone:
    """A VTIMEZONE from the file: offsets from its STANDARD/DAYLIGHT rules, bounded.

    One without transitions is *unusable* (broken, unbounded, absurd offsets): it is kept
    only so the person can be told the file defines the zone in a way Crickets cannot use.
    """

    def __init__(self, tzid: str, transitions: Sequence[_Transition], location: str) -> None:
        self.tzid = tzid
        self.location = location  # X-LIC-LOCATION, when the writer gave one
        self._transitions = sorted(transitions, key=lambda t: t.utc)
        self._utcs = [t.utc for t in self._transitions]
        # The loop of offset_at_local stops at the first change whose local onset is after
        # the time asked: the running maximum of the onsets finds it by bisection.
        self._local_reach = list(itertools.accumulate((t.local for t in self._transitions), max))
        standard = [t for t in self._transitions if t.standard]
        self._standard_offset = standard[0].after if standard else None

    @property
    def usable(self) -> bool:
        return bool(self._transitions)

    @property
    def first_change(self) -> datetime:
        """The first onset, aware UTC: before it the definition says nothing."""
        return self._transitions[0].utc.replace(tzinfo=UTC)

    @property
    def _before_first(self) -> timedelta:
        """The offset before the first onset: standard time, as the definition's first
        STANDARD observance gives it (the first onset's own "from" is the daylight offset
        when that onset is a STANDARD one)."""
        if self._standard_offset is not None:
            return self._standard_offset
        return self._transitions[0].before

    @classmethod
    def from_component(
        cls, component: Any, *, until: datetime, since: datetime | None = None
    ) -> FileZone | None:
        """The zone, or None when it is incomplete or its rules cannot be bounded; changes
        are worked out from ``since`` (the first onset of each observance is kept too)."""
        tzid = str(component.get("TZID", "")).strip()
        transitions: list[_Transition] = []
        try:
            for sub in component.subcomponents:
                if sub.name not in ("STANDARD", "DAYLIGHT"):
                    continue
                before, after = sub["TZOFFSETFROM"].td, sub["TZOFFSETTO"].td
                if abs(before) > MAX_OFFSET or abs(after) > MAX_OFFSET:
                    return None
                onsets = _onsets(sub, before, until, since)
                standard = sub.name == "STANDARD"
                transitions += [_Transition(o, o - before, before, after, standard) for o in onsets]
        except (KeyError, AttributeError, TypeError, ValueError, OverflowError):
            return None
        if not tzid or not transitions:
            return None
        location = str(component.get("X-LIC-LOCATION", "")).strip()
        return cls(tzid, transitions, location)

    def offset_at_utc(self, instant: datetime) -> timedelta:
        naive = instant.astimezone(UTC).replace(tzinfo=None)
        index = bisect.bisect_right(self._utcs, naive)
        return self._transitions[index - 1].after if index else self._before_first

    def changes_between(self, first: datetime, last: datetime) -> list[datetime]:
        """Aware UTC instants of the clock changes from ``first`` to ``last``."""
        lo, hi = (at.astimezone(UTC).replace(tzinfo=None) for at in (first, last))
        found = self._utcs[bisect.bisect_left(self._utcs, lo) : bisect.bisect_right(self._utcs, hi)]
        return [at.replace(tzinfo=UTC) for at in found]

    def offset_at_local(self, local: datetime) -> timedelta:
        """RFC 5545: a repeated time is the first one; a skipped one uses the earlier offset."""
        index = bisect.bisect_right(self._local_reach, local)
        if not index:
            return self._before_first
        t = self._transitions[index - 1]
        jump = t.after - t.before
        return t.before if jump > timedelta(0) and local < t.local + jump else t.after


def _onsets(sub: Any, before: timedelta, until: datetime, since: datetime | None) -> list[datetime]:
    start = sub["DTSTART"].dt
    if not isinstance(start, datetime):
        start = datetime.combine(start, time())
    start = start.replace(tzinfo=None)
    onsets = [start]
    rules = sub.get("RRULE")
    for rule in rules if isinstance(rules, list) else [rules] if rules is not None else []:
        built = build_rule(rule, start, to_wall=functools.partial(_wall, offset=before))
        onsets += occurrences(built, until=until, since=since)
    rdates = sub.get("RDATE")
    for rdate in rdates if isinstance(rdates, list) else [rdates] if rdates else []:
        for item in rdate.dts:
            value = item.dt
            if isinstance(value, tuple):  # a PERIOD
                value = value[0]
            if isinstance(value, datetime):
                onsets.append(value.replace(tzinfo=None))
    return [o for o in set(onsets) if o <= until]


def _wall(instant: datetime, offset: timedelta) -> datetime:
    return instant.astimezone(UTC).replace(tzinfo=None) + offset


def read_file_zones(
    calendars: Sequence[Any], *, until: datetime, since: datetime | None = None
) -> dict[str, FileZone]:
    """Every VTIMEZONE in the file, by TZID (the first usable definition wins), with its
    changes from ``since`` to ``until`` (naive UTC)."""
    zones: dict[str, FileZone] = {}
    for cal in calendars:
        for component in cal.walk("VTIMEZONE"):
            try:
                zone = FileZone.from_component(component, until=until, since=since)
            except RecurrenceError:
                zone = None
            if zone is None:
                tzid = str(component.get("TZID", "")).strip()
                zone = FileZone(tzid, (), "") if tzid else None
            if zone is not None and not (zone.tzid in zones and zones[zone.tzid].usable):
                zones[zone.tzid] = zone
    return zones


def zone_lookup(file_zones: Mapping[str, FileZone], tzid: str) -> FileZone | None:
    return file_zones.get(tzid) or file_zones.get(tzid.strip().strip('"'))
