"""Invitations with their own VTIMEZONE: the standard offset before the first observance,
the zone the TZID names when its rules fit, and never a zone whose rules differ from the
definition around the event (a "US-Eastern" is not America/La_Paz)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crickets.invitations.ics.candidate import ImportCandidate
from crickets.invitations.ics.parse import parse_invitation

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)
NY = "America/New_York"

# US rules since 2007: back to standard on the first Sunday of November, forward on the
# second Sunday of March.
US_STANDARD = "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"
US_DAYLIGHT = "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"
# The rules before 2007: first Sunday of April to the last Sunday of October.
OLD_STANDARD = "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
OLD_DAYLIGHT = "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4"


def eastern(
    tzid: str,
    standard_from: str,
    daylight_from: str,
    *,
    rules: tuple[str, str] = (US_STANDARD, US_DAYLIGHT),
    location: str = "",
) -> str:
    """A US Eastern definition whose observances begin on the given dates."""
    lic = f"X-LIC-LOCATION:{location}\r\n" if location else ""
    return (
        f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n{lic}"
        f"BEGIN:STANDARD\r\nDTSTART:{standard_from}T020000\r\n{rules[0]}\r\n"
        "TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\n"
        f"BEGIN:DAYLIGHT\r\nDTSTART:{daylight_from}T020000\r\n{rules[1]}\r\n"
        "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\n"
        "END:VTIMEZONE\r\n"
    )


def event(tzid: str, start: str, zone: str, *, my_zone: str = "Europe/London") -> ImportCandidate:
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        f"{zone}BEGIN:VEVENT\r\nUID:zone-test@example.com\r\nDTSTAMP:20261120T100000Z\r\n"
        f"DTSTART;TZID={tzid}:{start}\r\nSUMMARY:Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    (found,) = parse_invitation(data, my_zone=my_zone, now=NOW).events
    return found


def utc(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tzid", "zone", "start", "instant", "shown_in"),
    [
        # the definition starts years after the event, STANDARD first: standard time, and
        # the zone the TZID names (its rules fit the definition's first year)
        ("US-Eastern", eastern("US-Eastern", "20301103", "20310309"), "20261203T091500",
         utc(12, 3, 14, 15), NY),
        # no name to go by: the first zone with the same rules
        ("Company Eastern", eastern("Company Eastern", "20301103", "20310309"),
         "20261203T091500", utc(12, 3, 14, 15), NY),
        # DAYLIGHT first: its "from" was already the standard offset
        ("US-Eastern", eastern("US-Eastern", "20311102", "20310309"), "20261203T091500",
         utc(12, 3, 14, 15), NY),
        # a definition in force: read by its rules, named by its TZID
        ("US-Eastern", eastern("US-Eastern", "20071104", "20070311"), "20260703T091500",
         utc(7, 3, 13, 15), NY),
        # X-LIC-LOCATION first, when its rules fit
        ("Eastern", eastern("Eastern", "20071104", "20070311", location="America/Toronto"),
         "20261203T091500", utc(12, 3, 14, 15), "America/Toronto"),
        # a city in the TZID beats the generic name
        ("Eastern Time - Toronto", eastern("Eastern Time - Toronto", "20071104", "20070311"),
         "20261203T091500", utc(12, 3, 14, 15), "America/Toronto"),
    ],
)  # fmt: skip
def test_custom_zones_are_read_and_named_by_their_rules(
    tzid: str, zone: str, start: str, instant: datetime, shown_in: str
) -> None:
    found = event(tzid, start, zone)
    assert (found.start, found.zone) == (instant, shown_in)
    assert found.warnings == ()


def test_before_the_first_observance_the_standard_offset_is_used_even_in_summer() -> None:
    found = event("US-Eastern", "20260703T091500", eastern("US-Eastern", "20301103", "20310309"))
    assert found.start == utc(7, 3, 14, 15)  # 9:15 at UTC−05:00, not −04:00
    # New York is on EDT that day, so its rules differ from the definition there: UTC
    assert found.zone == "UTC"
    assert found.warnings == (
        "The invitation's own time zone 'US-Eastern' is defined only from 2030, after this "
        "event; the time was read at its standard offset (UTC−05:00), is kept exactly and "
        "shown in UTC. Check it.",
    )


@pytest.mark.parametrize("start", ["20261203T091500", "20260703T091500"])
def test_a_zone_with_other_rules_is_never_used_for_the_label(start: str) -> None:
    # Old US rules (April to October) for a 2026 event: no zone keeps them any more, and one
    # with the same offset that day (La Paz, Bogota) would be an hour off half the year.
    zone = eastern("US-Eastern", "19671029", "19870405", rules=(OLD_STANDARD, OLD_DAYLIGHT))
    found = event("US-Eastern", start, zone)
    assert found.zone == "UTC"
    assert any("matches no known zone" in w for w in found.warnings)


def test_the_issue_case_is_not_la_paz() -> None:
    found = event("US-Eastern", "20261203T091500", eastern("US-Eastern", "20301103", "20310309"))
    assert found.zone != "America/La_Paz"
    assert found.to_interview().start == utc(12, 3, 14, 15)
    local = found.to_interview().start.astimezone(found.to_interview().tzinfo)
    assert local.isoformat() == "2026-12-03T09:15:00-05:00"


def western_european(tzid: str) -> str:
    """EU rules at UTC+00:00/+01:00: London, Lisbon and Dublin alike."""
    return (
        f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n"
        "BEGIN:STANDARD\r\nDTSTART:19961027T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:19960331T010000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
        "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    )


@pytest.mark.parametrize(
    ("tzid", "shown_in"),
    [
        ("Company Western", "Europe/London"),  # nothing named: the person's own zone fits
        ("Western European Time", "Europe/Lisbon"),  # named: preferred over the person's
        ("Irish Standard Time", "Europe/Dublin"),
        ("UK-Time", "Europe/London"),
    ],
)
def test_the_zone_the_tzid_names_is_preferred_when_its_rules_fit(tzid: str, shown_in: str) -> None:
    found = event(tzid, "20261203T091500", western_european(tzid))
    assert (found.start, found.zone, found.warnings) == (utc(12, 3, 9, 15), shown_in, ())
