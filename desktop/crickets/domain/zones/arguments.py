"""A zone given on its own (``--tz EST``, ``--tz Europe/London``), read as the text is.

tzdata knows "EST" as a fixed UTC−05:00, so ``ZoneInfo("EST")`` would keep a June
interview an hour off New York time without a word. Here an abbreviation is what people
mean by it: a place (the person's own zone when it shows that abbreviation, else the usual
one) *and* a season, which :func:`resolve_argument` and ``parse_when`` check against the
date exactly as they check an abbreviation in the text. A name tzdata defines with the
seasons of its place ("CET", "EST5EDT") stays the zone it names, and so does a stored
interview's zone passed back in.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, available_timezones

from crickets.domain.zones.agreement import resolve_hinted
from crickets.domain.zones.rules import (
    ABBREVIATIONS,
    ParsedTime,
    TimeParseError,
    ZoneHint,
    quoted,
)
from crickets.domain.zones.seasons import shows

_UTC_NAMES = frozenset({"UTC", "GMT", "Z", "UCT", "ZULU", "UNIVERSAL"})
#: The US zones written without a season ("2pm ET"): a place, nothing to check.
_SEASONLESS = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}


@dataclass(frozen=True)
class ZoneArgument:
    """What a zone option names: an IANA zone, and the abbreviation to check, if any."""

    zone: str  # IANA name
    abbreviation: str | None = None  # "EST" when given as one: checked against the date

    @property
    def hint(self) -> ZoneHint:
        """The abbreviation as if the text had said it."""
        return ZoneHint(abbreviation=self.abbreviation)


@functools.cache
def _iana_names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def zone_argument(name: str, *, year: int, my_zone: str | None = None) -> ZoneArgument:
    """The zone ``name`` means; :class:`TimeParseError` (one sentence) when it is none.

    ``year`` picks the rules used to tell whether ``my_zone`` shows an abbreviation; the
    date itself is checked later, against the time being read.
    """
    text = " ".join(name.split())
    upper = text.upper()
    if upper in _UTC_NAMES:
        if upper == "GMT" and my_zone and shows(my_zone, "GMT", year):
            return ZoneArgument(my_zone, "GMT")  # London's winter name, not UTC
        return ZoneArgument("UTC")
    if upper in _SEASONLESS:
        return ZoneArgument(_SEASONLESS[upper])
    zone = _iana_names().get(text.lower())
    if upper in ABBREVIATIONS and (zone is None or _loses_the_season(zone, upper, year)):
        usual = ABBREVIATIONS[upper][1]
        mine = my_zone if my_zone and shows(my_zone, upper, year) else None
        return ZoneArgument(mine or usual, upper)
    if zone is None:
        raise TimeParseError(
            f"{quoted(name)} is not a time zone Crickets knows; use an IANA name "
            "such as Europe/London or America/New_York."
        )
    return ZoneArgument(zone)


def _loses_the_season(zone: str, abbreviation: str, year: int) -> bool:
    """tzdata's "EST" and "MST" keep one offset all year; the places people mean by them
    change clocks."""
    return _one_offset(zone, year) and not _one_offset(ABBREVIATIONS[abbreviation][1], year)


def _one_offset(zone: str, year: int) -> bool:
    tz = ZoneInfo(zone)
    winter, summer = (datetime(year, month, 15, tzinfo=UTC).astimezone(tz) for month in (1, 7))
    return winter.utcoffset() == summer.utcoffset()


def resolve_argument(
    local: datetime, name: str, fold: int | None = None, *, my_zone: str | None = None
) -> ParsedTime:
    """A kept wall-clock time in the zone ``name`` (``--tz`` without ``--at``), checked
    like a typed one: a DST gap refused, a repeated hour or another season asked about."""
    argument = zone_argument(name, my_zone=my_zone, year=local.year)
    return resolve_hinted(local, argument.zone, argument.hint, fold, (), my_zone=my_zone)
