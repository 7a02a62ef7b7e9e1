"""Invitation CPU bombs cost bounded work (issue 15, item 4).

The time limit itself (any invitation up to the size limit read or refused within 1 s) is
measured by bench/ics_bombs.py, not here: machines differ. These tests count work instead:
how often the file's own time zone definition is consulted, how many days its repeat rules
make Crickets test, and which shapes are refused before the parser sees them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from crickets.invitations.ics import rule_dates, vtimezone
from crickets.invitations.ics.limits import (
    MAX_BYTES,
    MAX_CONTENT_LINES,
    MAX_DATES,
    MAX_PARAMETERS,
    MAX_RULES,
    IcsError,
)
from crickets.invitations.ics.parse import parse_invitation
from crickets.invitations.ics.recur import Rule

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "ics"
HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
EVENT = (
    "BEGIN:VEVENT\r\nUID:bomb@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Custom:20261201T140000\r\nSUMMARY:Interview\r\nEND:VEVENT\r\n"
)


def calendar(zone: str, *, extra: str = "") -> bytes:
    return (
        HEAD + zone + EVENT.replace("END:VEVENT", extra + "END:VEVENT") + "END:VCALENDAR\r\n"
    ).encode()


def observances(count: int, rule: str, offsets: tuple[str, str] = ("-0517", "-0417")) -> str:
    parts = []
    for i in range(count):
        kind, (before, after) = ("STANDARD", offsets) if i % 2 == 0 else ("DAYLIGHT", offsets[::-1])
        parts.append(
            f"BEGIN:{kind}\r\nDTSTART:{1601 + i:04d}0101T020000\r\nTZOFFSETFROM:{before}\r\n"
            f"TZOFFSETTO:{after}\r\nRRULE:{rule}\r\nEND:{kind}\r\n"
        )
    return "BEGIN:VTIMEZONE\r\nTZID:Custom\r\n" + "".join(parts) + "END:VTIMEZONE\r\n"


def test_matching_a_zone_asks_the_definition_once_per_sample_not_per_known_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """50 yearly observances since 1601 whose offsets no real zone has: every known zone is
    a candidate. The definition is read once per sample, whatever the number of zones."""
    asked: list[datetime] = []
    original = vtimezone.FileZone.offset_at_utc

    def counted(self: vtimezone.FileZone, instant: datetime) -> object:
        asked.append(instant)
        return original(self, instant)

    monkeypatch.setattr(vtimezone.FileZone, "offset_at_utc", counted)
    data = calendar(observances(50, "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"))
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.zone == "UTC" and any("matches no known zone" in w for w in event.warnings)
    assert len(asked) < 200  # ~30 samples (and each side of each change), not ~600 zones


def test_rules_that_never_match_cost_a_bounded_number_of_days(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every 7th day that is a Friday, counted from a Monday, since 1601: it never occurs,
    and a general-purpose expander looks for it until the year 9999, rule after rule."""
    tested = 0
    original = rule_dates._matches

    def counted(rule: Rule, day: date) -> bool:
        nonlocal tested
        tested += 1
        return original(rule, day)

    monkeypatch.setattr(rule_dates, "_matches", counted)
    never = "FREQ=DAILY;INTERVAL=7;BYDAY=FR"
    zone = observances(MAX_RULES, never, ("-0500", "-0500")).replace("0101T020000", "0101T000000")
    found = parse_invitation(calendar(zone), my_zone="Europe/London", now=NOW)
    assert len(found.events) == 1
    assert tested <= rule_dates.FILE_DAYS


def test_an_outlook_zone_from_1601_costs_a_few_hundred_days(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    budgets: list[rule_dates.WorkBudget] = []

    class Kept(rule_dates.WorkBudget):
        def __init__(self) -> None:
            super().__init__()
            budgets.append(self)

    monkeypatch.setattr("crickets.invitations.ics.parse.WorkBudget", Kept)
    data = (FIXTURES / "outlook_custom_zone.ics").read_bytes()
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    assert event.zone == "America/New_York"  # still read right
    (budget,) = budgets
    assert 0 < budget.spent < 1_000  # two observances from 1601, read only near the event


def line(name: str) -> str:
    return f"{name}\r\n"


@pytest.mark.parametrize(
    ("extra", "refusal"),
    [
        (line("X-A:b") * MAX_CONTENT_LINES, "entries; it is not an invitation"),
        (line("EXDATE:" + ",".join(["20261202T140000"] * (MAX_DATES + 1))), "excluded dates"),
        (line("RRULE:FREQ=DAILY") * (MAX_RULES + 1), "repeat rules"),
        (line("ATTENDEE" + ";X-P=1" * (MAX_PARAMETERS + 1) + ":mailto:a@b.c"), "parameters"),
        (
            line("ATTENDEE;X-P=1\r\n" + " ;X-P=1" * (MAX_PARAMETERS + 1) + ":mailto:a@b.c"),
            "parameters",
        ),
    ],
    ids=["lines", "dates", "rules", "parameters", "folded parameters"],
)
def test_shapes_that_cost_the_parser_are_refused_before_it_runs(extra: str, refusal: str) -> None:
    zone = observances(2, "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", ("-0500", "-0400"))
    with pytest.raises(IcsError, match=refusal):
        parse_invitation(calendar(zone, extra=extra), my_zone="Europe/London", now=NOW)


def test_the_size_limit_is_a_megabyte() -> None:
    assert MAX_BYTES == 1024 * 1024
    with pytest.raises(IcsError, match=r"larger than 1\.0 MB"):
        parse_invitation(b"x" * (MAX_BYTES + 1), my_zone="Europe/London", now=NOW)
