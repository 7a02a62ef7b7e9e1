"""A wall-clock time read under what the text says about its zone and the zone given.

The text may name a zone (an IANA name; UTC, GMT or Z), an offset or an abbreviation; the
caller gives the zone the time is meant in (``--tz``, the interview's, or the person's own).

- They agree on the instant: the reading is exact and the *place* is kept ("14:00 GMT" in
  London in winter stays Europe/London rather than becoming UTC).
- An abbreviation or "GMT" that names the zone's other season ("EST" in July, "GMT" in
  London in July) is asked about: exactly that offset, or the zone's own time.
- A zone in the text other than the one given on purpose (``my_zone`` differs) is asked
  about too; given by default, the text's zone is taken, as the person wrote it.
- An abbreviation with several meanings ("IST") is accepted where the zone shows it, and
  the reading's notes say which was taken.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from crickets.domain.timefmt import clock_time, day_text, utc_offset, zone_label
from crickets.domain.zones.rules import (
    ABBREVIATIONS,
    AmbiguousTime,
    ParsedTime,
    TimeParseError,
    ZoneHint,
    at_instant,
    choose,
    offset_label,
    readings,
    zone_info,
)
from crickets.domain.zones.seasons import is_ambiguous, reading_note, season_offset, shows


def hint_tzinfo(hint: ZoneHint, zone: str) -> tzinfo:
    """The clock the text speaks in, for a time alone ("2pm UTC": the next 2 PM there)."""
    if hint.fixed and hint.offset is not None:
        return timezone(hint.offset)
    return zone_info(hint.name or zone)


def resolve_hinted(
    local: datetime,
    zone: str,
    hint: ZoneHint,
    fold: int | None,
    notes: tuple[str, ...],
    *,
    my_zone: str | None = None,
) -> ParsedTime:
    """Resolve ``local`` under what the text said about the zone (``zone`` by default)."""
    notes = hint.notes + notes
    if hint.fixed and hint.offset is not None:
        return _fixed(local, hint.offset, zone, notes)
    if hint.utc_word == "GMT" and shows(zone, "GMT", local.year):
        hint = replace(hint, name=None, abbreviation="GMT")  # London's winter, like "EST"
    named = hint.name
    if named and named != zone and hint.offset is None and hint.abbreviation is None:
        explicit = my_zone is not None and my_zone != zone
        return _named(local, zone, hint, fold, notes, explicit=explicit)
    found = tuple(replace(p, notes=notes) for p in readings(local, named or zone))
    if hint.offset is not None:
        found = _matching_offset(found, hint.offset)
    if hint.abbreviation is not None:
        found = _matching_abbreviation(found, hint.abbreviation, fold, my_zone)
        note = reading_note(hint.abbreviation, found[0].zone, my_zone)
        found = tuple(replace(p, notes=(*p.notes, note)) for p in found) if note else found
    return choose(found, fold)


def _named(
    local: datetime,
    zone: str,
    hint: ZoneHint,
    fold: int | None,
    notes: tuple[str, ...],
    *,
    explicit: bool,
) -> ParsedTime:
    """A zone in the text that is not ``zone``: kept, or ``zone`` kept when they agree."""
    name = hint.name or zone
    found = tuple(replace(p, notes=notes) for p in readings(local, name))
    agree = all(_offset(p.instant, name) == _offset(p.instant, zone) for p in found)
    if agree and name == "UTC":  # not a place: the place given is kept
        return choose(tuple(at_instant(p.instant, zone, p.notes) for p in found), fold)
    if agree or not explicit:
        return choose(found, fold)
    written = choose(found, fold)
    said = "UTC" if hint.utc_word == "Z" else hint.utc_word or name
    exact = at_instant(written.instant, zone, (*notes, f"{said} as written, kept in {zone}"))
    theirs = choose(readings(local, zone), fold)
    shown = written.instant.astimezone(ZoneInfo(zone))
    raise AmbiguousTime(
        f"{clock_time(local)} {said} on {day_text(local)} is {clock_time(shown)} "
        f"{zone_label(shown)} in {zone}, the zone given; choose that, or "
        f"{clock_time(local)} {zone} time.",
        (exact, replace(theirs, notes=(*notes, f"{zone} time, though the text says {said}"))),
    )


def _offset(instant: datetime, zone: str) -> timedelta | None:
    return instant.astimezone(ZoneInfo(zone)).utcoffset()


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


def _matching_abbreviation(
    found: tuple[ParsedTime, ...], abbr: str, fold: int | None, my_zone: str | None
) -> tuple[ParsedTime, ...]:
    """The readings the abbreviation allows; its other season is asked about, another
    place is refused ("IST" in Dublin's winter is more likely India than Ireland's summer,
    unless Dublin is the person's own zone)."""
    tz = zone_info(found[0].zone)
    kept = tuple(p for p in found if p.instant.astimezone(tz).tzname() == abbr)
    if kept:
        return kept
    zone, day = found[0].zone, day_text(found[0].local)
    shown = zone_label(found[0].instant.astimezone(tz))
    meaning, example = ABBREVIATIONS.get(abbr, ("Greenwich Mean Time", zone))
    season = season_offset(zone, abbr, found[0].local.year)
    if season is not None and (example == zone or zone == my_zone or not is_ambiguous(abbr)):
        raise _season_question(found, abbr, season, fold)
    if example == zone:
        raise TimeParseError(
            f"{zone} shows {shown}, not {abbr}, on {day}; check the date, "
            "or leave the abbreviation out."
        )
    raise TimeParseError(
        f"{abbr} can mean {meaning}, and {zone} shows {shown} on {day}, "
        f"so give an IANA zone such as {example} instead."
    )


def _season_question(
    found: tuple[ParsedTime, ...], abbr: str, season: timedelta, fold: int | None
) -> AmbiguousTime:
    """ "9am EST" in July: EST exactly (10 AM EDT), or New York time (9 AM EDT)?"""
    first = found[0]
    zone, local = first.zone, first.local.replace(fold=0)
    instant = local.replace(tzinfo=timezone(season)).astimezone(UTC)
    taken = f"{abbr} taken as exactly {offset_label(season)}"
    exact = at_instant(instant, zone, (*first.notes, taken))
    walls = found if fold is None else (choose(found, fold),)
    shown = zone_label(first.instant.astimezone(ZoneInfo(zone)))
    kept = tuple(replace(p, notes=(*p.notes, f"{zone} time, not {abbr}")) for p in walls)
    moved = exact.instant.astimezone(ZoneInfo(zone))
    return AmbiguousTime(
        f"{zone} is on {shown}, not {abbr}, on {day_text(local)}: {clock_time(local)} {abbr} "
        f"is {clock_time(moved)} {zone_label(moved)} there; choose that, or "
        f"{clock_time(local)} {shown}.",
        (exact, *kept),
    )


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
