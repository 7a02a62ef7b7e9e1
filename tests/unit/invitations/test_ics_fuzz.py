"""Hypothesis: random and damaged files raise nothing but IcsError, and never the catch-all."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crickets.invitations.ics.limits import IcsError
from crickets.invitations.ics.parse import UNFORESEEN, parse_invitation

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)
FIXTURES = sorted((Path(__file__).resolve().parents[2] / "data" / "ics").glob("*.ics"))
SEEDS = [p.read_bytes() for p in FIXTURES]
TOKENS = [
    b"\r\n",
    b"\r\n ",
    b":",
    b";",
    b",",
    b"\\n",
    b"\x00",
    b"\xff\xfe",
    b"TZID=",
    b"BEGIN:VEVENT\r\n",
    b"END:VEVENT\r\n",
    b"END:VCALENDAR\r\n",
    b"BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
    b"TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nRRULE:FREQ=SECONDLY\r\nEND:STANDARD\r\n"
    b"END:VTIMEZONE\r\n",
    b"DTSTART;TZID=X:20261201T100000\r\n",
    b"DTSTART:99991231T235959Z\r\n",
    b"DTSTART;VALUE=DATE:00010101\r\n",
    b"DTSTART;VALUE=URI:https://example.com\r\n",
    b"DTEND:00010101T000000Z\r\n",
    b"DURATION:P99999W\r\n",
    b"RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\n",
    b"RRULE:FREQ=MINUTELY\r\n",
    b"RRULE:FREQ=WEEKLY;BYDAY=5MO\r\n",
    b"RDATE;VALUE=PERIOD:20261201T100000Z/PT1H\r\n",
    b"RDATE:99991231T235959Z\r\n",
    b"EXDATE:00010101T000000\r\n",
    b"RECURRENCE-ID:20261201T100000Z\r\n",
    b"SEQUENCE:-5\r\n",
    b"SEQUENCE:99999999999\r\n",
    b"STATUS:CANCELLED\r\n",
    b"METHOD:CANCEL\r\n",
    b"X-WR-TIMEZONE:Nowhere/Land\r\n",
    b'ATTENDEE;CN="a";CUTYPE=ROOM:mailto:x@y.z\r\n',
    b"ORGANIZER:mailto:\r\n",
    b"TZOFFSETTO:+1400\r\n",
]

mutation = st.tuples(
    st.integers(min_value=0, max_value=4),
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=255),
    st.sampled_from(TOKENS),
)


def mutate(data: bytes, steps: list[tuple[int, int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for op, where, value, token in steps:
        at = where % (len(out) + 1)
        if op == 0 and out:
            out[at % len(out)] = value
        elif op == 1:
            del out[at : at + value % 60 + 1]
        elif op == 2:
            out[at:at] = token
        elif op == 3:
            del out[at:]
        else:
            out[at:at] = bytes(out[value : value + 120])
    return bytes(out)


def survives(data: bytes) -> None:
    try:
        parse_invitation(data, my_zone="America/New_York", now=NOW)
    except IcsError as error:
        assert UNFORESEEN not in error.message, error.message


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    survives(data)


@FUZZ
@given(st.sampled_from(SEEDS), st.lists(mutation, min_size=1, max_size=8))
def test_damaged_fixtures(seed: bytes, steps: list[tuple[int, int, int, bytes]]) -> None:
    survives(mutate(seed, steps))


@FUZZ
@given(st.lists(st.sampled_from(TOKENS), max_size=30))
def test_calendars_made_of_hostile_lines(lines: list[bytes]) -> None:
    survives(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + b"".join(lines) + b"END:VEVENT\r\n")
    survives(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        + b"".join(lines)
        + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
